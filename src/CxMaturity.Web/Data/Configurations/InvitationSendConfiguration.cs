using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxMaturity.Web.Data.Configurations;

internal sealed class InvitationSendConfiguration : IEntityTypeConfiguration<InvitationSend>
{
    public void Configure(EntityTypeBuilder<InvitationSend> builder)
    {
        builder.ToTable("InvitationSends");
        builder.HasOne(s => s.Respondent).WithMany().HasForeignKey(s => s.RespondentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AssessmentRound>().WithMany().HasForeignKey(s => s.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.RequestedByUserId).HasMaxLength(450);
        builder.Property(s => s.Skipped).HasMaxLength(200);
        builder.Property(s => s.LastError).HasMaxLength(500);
        builder.HasIndex(s => new { s.RoundId, s.RespondentId });
        builder.HasIndex(s => new { s.SentUtc, s.NextAttemptUtc });
    }
}
