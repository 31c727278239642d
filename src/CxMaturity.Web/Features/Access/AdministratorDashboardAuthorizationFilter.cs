using Hangfire.Dashboard;

namespace CxMaturity.Web.Features.Access;

/// <summary>Lets only signed-in site administrators see the Hangfire dashboard.</summary>
internal sealed class AdministratorDashboardAuthorizationFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) =>
        context.GetHttpContext().User.IsInRole(SiteRoles.Administrator);
}
