using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxMaturity.Web.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.Area).HasMaxLength(40);
        builder.Property(a => a.Subject).HasMaxLength(400);
        builder.Property(a => a.Action).HasMaxLength(40);
        builder.Property(a => a.UserId).HasMaxLength(450);
        // Organisations are never deleted; an audit line must not go with anything.
        builder.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.OrganisationId, a.AtUtc });
    }
}
