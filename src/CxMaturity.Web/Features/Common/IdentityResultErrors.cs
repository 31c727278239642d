using Microsoft.AspNetCore.Identity;

namespace CxMaturity.Web.Features.Common;

internal static class IdentityResultErrors
{
    /// <summary>Identity's errors as a validation exception keyed <c>password</c> or <c>email</c>.</summary>
    public static ValidationException ToValidationException(this IdentityResult result)
    {
        var errors = new ValidationErrors();
        foreach (var error in result.Errors)
        {
            errors.Add(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "email", error.Description);
        }

        return errors.Any ? errors.ToException() : ValidationException.For("email", "The account could not be created.");
    }
}
