using CxMaturity.Web.Components.Account;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Access;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace CxMaturity.Web.Extensions;

public static class IdentityExtensions
{
    /// <summary>Sign-in by cookie for the site, with roles (site administrators), lockout and the account pages' services.</summary>
    public static WebApplicationBuilder AddIdentityServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<PasswordSignIn>();
        services.AddSingleton<UnknownAccountLockout>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.AddAuthorizationBuilder()
            .AddPolicy(SiteRoles.Administrator, policy => policy.RequireRole(SiteRoles.Administrator));

        services.AddIdentityCore<AppUser>(options =>
            {
                // A new account signs in once its address is confirmed by the emailed link, so that registering does not
                // tell whether an address already has an account (README, "Accounts").
                options.SignIn.RequireConfirmedAccount = true;
                options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 8;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "CxMaturity.Identity";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.ExpireTimeSpan = TimeSpan.FromHours(12);
            options.SlidingExpiration = true;
            options.LoginPath = "/Account/Login";
            options.AccessDeniedPath = "/Account/AccessDenied";

            // The stamp is checked on every request (below) but a style sheet, script or image: those carry no data,
            // and renewing the cookie on them would cost queries and make the browser fetch them again each time.
            options.Events.OnValidatePrincipal = context => IsStaticFile(context.Request)
                ? Task.CompletedTask
                : SecurityStampValidator.ValidatePrincipalAsync(context);
        });

        // The cookie's security stamp is checked against the database on every request, not every 30 minutes: signing
        // out, a lock by an administrator or a new password ends every copy of the cookie at once. Cookies carry pages
        // only (the API takes tokens, a circuit lives on one connection), so this is one lookup per page load.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);

        services.AddSingleton<AccountEmailSender>();
        services.AddSingleton<IEmailSender<AppUser>>(provider => provider.GetRequiredService<AccountEmailSender>());
        return builder;
    }

    private static readonly string[] StaticExtensions = [".css", ".js", ".mjs", ".map", ".png", ".ico", ".svg", ".woff", ".woff2"];

    private static bool IsStaticFile(HttpRequest request) =>
        request.Path.StartsWithSegments("/_framework") || request.Path.StartsWithSegments("/_content")
        || (request.Path.Value is { } path && !path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase)
            && StaticExtensions.Any(extension => path.EndsWith(extension, StringComparison.OrdinalIgnoreCase)));
}
