using Microsoft.AspNetCore.Identity;

namespace CxMaturity.Web.Data;

public sealed class AppUser : IdentityUser
{
    /// <summary>The name shown to colleagues; the email when empty.</summary>
    [PersonalData]
    public string DisplayName { get; set; } = "";

    /// <summary>The reminder kinds this user gets no email for, one bit per kind (<see cref="Features.Notifications.EmailChoices"/>).</summary>
    public int ReminderEmailsOff { get; set; }

    /// <summary>Reminder emails come once a week, gathered, instead of one by one.</summary>
    public bool WeeklyDigest { get; set; }

    /// <summary>The hash of the secret in this user's calendar feed address; null when they have none.</summary>
    public string? CalendarFeedHash { get; set; }

    /// <summary>The feed's secret, encrypted with the app's data-protection keys, so that the profile can show it again.</summary>
    public string? CalendarFeedSecret { get; set; }
}
