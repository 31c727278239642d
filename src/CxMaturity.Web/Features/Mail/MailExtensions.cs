using Microsoft.Extensions.Options;

namespace CxMaturity.Web.Features.Mail;

public static class MailExtensions
{
    /// <summary>The mail component: SMTP when <c>Mail:Smtp:Host</c> is set, otherwise the outbox folder.</summary>
    public static IServiceCollection AddMail(this IServiceCollection services)
    {
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.SectionName);
        services.AddSingleton<SmtpMailSender>();
        services.AddSingleton<OutboxMailSender>();
        services.AddSingleton<IMailSender>(provider => provider.GetRequiredService<IOptions<MailOptions>>().Value.UsesSmtp
            ? provider.GetRequiredService<SmtpMailSender>()
            : provider.GetRequiredService<OutboxMailSender>());
        services.AddScoped<MailQueue>();
        services.AddScoped<MailStatusService>();
        services.AddHostedService<MailJobRegistration>();
        return services;
    }
}
