using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxMaturity.Web.Data.Configurations;

internal sealed class GovernanceRoleConfiguration : IEntityTypeConfiguration<GovernanceRole>
{
    public void Configure(EntityTypeBuilder<GovernanceRole> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(FieldLimits.Name);
        builder.Property(r => r.HolderName).HasMaxLength(FieldLimits.Name);
        builder.Property(r => r.Responsibilities).HasMaxLength(FieldLimits.Notes);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne(r => r.Organisation).WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.HolderUser).WithMany().HasForeignKey(r => r.HolderUserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(r => new { r.OrganisationId, r.Position });
    }
}

internal sealed class RaciAssignmentConfiguration : IEntityTypeConfiguration<RaciAssignment>
{
    public void Configure(EntityTypeBuilder<RaciAssignment> builder)
    {
        builder.Property(a => a.RowKey).HasMaxLength(FieldLimits.ModelId + 40);
        builder.Property(a => a.Letter).HasConversion<string>().HasMaxLength(1);
        builder.HasOne(a => a.Role).WithMany().HasForeignKey(a => a.RoleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        // A role holds one letter per row.
        builder.HasIndex(a => new { a.OrganisationId, a.RowKey, a.RoleId }).IsUnique();
    }
}
