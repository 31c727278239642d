using CxMaturity.Assessment.Reminders;

namespace CxMaturity.Web.Features.Notifications;

/// <summary>Which reminder kinds a user gets no email for: one bit per kind, so a new kind starts switched on.</summary>
public static class EmailChoices
{
    public static bool IsOn(int off, ReminderKind kind) => (off & Bit(kind)) == 0;

    public static int With(int off, ReminderKind kind, bool on) => on ? off & ~Bit(kind) : off | Bit(kind);

    private static int Bit(ReminderKind kind) => 1 << (int)kind;
}
