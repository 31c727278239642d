namespace CxMaturity.Web.Data;

public enum RoundStatus
{
    Draft,
    Open,
    Closed,
}
