using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxMaturity.Web.Data.Configurations;

internal sealed class RespondentConfiguration : IEntityTypeConfiguration<Respondent>
{
    public void Configure(EntityTypeBuilder<Respondent> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(FieldLimits.Name);
        builder.Property(r => r.Email).HasMaxLength(FieldLimits.Email);
        builder.Property(r => r.Group).HasMaxLength(FieldLimits.Group);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.InvitationTokenHash).HasMaxLength(64);
        builder.Property(r => r.LastDimensionId).HasMaxLength(FieldLimits.ModelId);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => r.RoundId);
        builder.HasIndex(r => r.UserId);
        builder.HasIndex(r => r.InvitationTokenHash).IsUnique();
        builder.HasOne(r => r.Round).WithMany(r => r.Respondents).HasForeignKey(r => r.RoundId);
        // Deleting an account keeps the answers the person gave: they become an invitee's.
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.SetNull);
        // Who invited is for the welcome only: no foreign key (on SQLite adding one rebuilds the table outside a
        // transaction), and an id whose account was deleted simply names nobody.
        builder.Property(r => r.InvitedByUserId).HasMaxLength(450);
        builder.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.RespondentId);
        builder.HasMany(r => r.ImportanceRatings).WithOne().HasForeignKey(i => i.RespondentId);
    }
}
