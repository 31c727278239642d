using CxMaturity.Web.Features.Access;
using CxMaturity.Web.Features.Administration;
using CxMaturity.Web.Features.Backups;
using CxMaturity.Web.Features.Common;
using CxMaturity.Web.Features.CustomerGaps;
using CxMaturity.Web.Features.Demo;
using CxMaturity.Web.Features.Health;
using CxMaturity.Web.Features.Invitations;
using CxMaturity.Web.Features.Kpis;
using CxMaturity.Web.Features.Mail;
using CxMaturity.Web.Features.Notifications;
using CxMaturity.Web.Features.Organisations;
using CxMaturity.Web.Features.Projects;
using CxMaturity.Web.Features.Questionnaires;
using CxMaturity.Web.Features.Raci;
using CxMaturity.Web.Features.Reminders;
using CxMaturity.Web.Features.Respondents;
using CxMaturity.Web.Features.Results;
using CxMaturity.Web.Features.Roadmap;
using CxMaturity.Web.Features.Rounds;
using CxMaturity.Web.Features.Setup;
using CxMaturity.Web.Features.Tokens;
using CxMaturity.Web.Features.Dashboard;
using CxMaturity.Web.Features.Workbooks;
using Microsoft.Extensions.Options;

namespace CxMaturity.Web.Extensions;

public static class FeatureExtensions
{
    /// <summary>The feature services pages and endpoints call, the first-run check, and the Development demo data.</summary>
    public static WebApplicationBuilder AddFeatureServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<OrganisationAccess>();
        services.AddScoped<OrganisationService>();
        // Loaders that features share: they take the caller's context and check no access.
        services.AddSingleton<RoundScoring>();
        services.AddSingleton<RoadmapLoader>();

        services.AddScoped<RoundService>();
        services.AddScoped<RespondentService>();
        services.AddScoped<QuestionnaireService>();
        services.AddScoped<ResultsService>();
        services.AddScoped<RoadmapService>();
        services.AddScoped<ProjectService>();
        services.AddScoped<KpiService>();
        services.AddScoped<CustomerGapService>();
        services.AddScoped<RaciService>();
        services.AddScoped<CxMaturity.Web.Features.AuditLog.AuditLogService>();
        services.AddScoped<CxMaturity.Web.Features.MyWork.MyWorkService>();
        services.AddMemoryCache();
        services.AddSingleton<Components.Shared.PrerenderHandOff>();
        services.AddScoped<AccessTokenService>();
        services.AddScoped<FirstRunService>();
        services.AddWorkbooks();
        services.AddMail();
        services.AddOptions<AppOptions>().BindConfiguration(AppOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AppOptions>, HostingSettingsValidator>();
        services.AddSingleton<PublicLinks>();
        services.AddScoped<InvitationService>();
        services.AddScoped<TrendService>();
        services.AddScoped<InvitationSender>();
        services.AddHostedService<InvitationJobRegistration>();
        services.AddScoped<NotificationService>();
        services.AddScoped<CalendarFeedService>();
        services.AddSingleton<NotificationNotifier>();
        services.AddSingleton<UnsubscribeLinks>();
        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReminderOptions>, ReminderOptionsValidator>();
        services.AddScoped<ReminderJob>();
        services.AddHostedService<ReminderJobRegistration>();
        services.AddOptions<BackupOptions>().BindConfiguration(BackupOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BackupOptions>, BackupOptionsValidator>();
        services.AddScoped<BackupService>();
        services.AddSingleton<LiveRestore>();
        services.AddHostedService<BackupJobRegistration>();
        services.AddScoped<UserAdministrationService>();
        services.AddScoped<OrganisationOverviewService>();
        services.AddHealth();

        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.SectionName).ValidateOnStart();
        services.AddSingleton<DemoSignInInfo>();
        services.AddHostedService<DemoDataSeeder>();
        return builder;
    }
}
