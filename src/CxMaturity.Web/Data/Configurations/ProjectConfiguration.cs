using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxMaturity.Web.Data.Configurations;

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> builder)
    {
        builder.Property(p => p.Title).HasMaxLength(FieldLimits.Title);
        builder.Property(p => p.DimensionId).HasMaxLength(FieldLimits.ModelId);
        builder.Property(p => p.InitiativeId).HasMaxLength(FieldLimits.ModelId);
        builder.Property(p => p.Owner).HasMaxLength(FieldLimits.Owner);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne(p => p.Organisation).WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        // A project outlives the round it came from; it then simply has no roadmap item any more.
        builder.HasOne<AssessmentRound>().WithMany().HasForeignKey(p => p.RoundId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(p => p.OrganisationId);
        builder.HasOne(p => p.OwnerUser).WithMany().HasForeignKey(p => p.OwnerUserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(p => p.Milestones).WithOne(m => m.Project).HasForeignKey(m => m.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Kpis).WithOne().HasForeignKey(k => k.ProjectId).OnDelete(DeleteBehavior.Cascade);
        // One project per roadmap item. Rows without a round or initiative do not collide: NULLs are distinct in a
        // unique index in SQLite and PostgreSQL alike.
        builder.HasIndex(p => new { p.RoundId, p.InitiativeId }).IsUnique();
    }
}

internal sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> builder)
    {
        builder.Property(m => m.Title).HasMaxLength(FieldLimits.Title);
        builder.HasIndex(m => new { m.ProjectId, m.Position });
    }
}

internal sealed class ProjectKpiConfiguration : IEntityTypeConfiguration<ProjectKpi>
{
    public void Configure(EntityTypeBuilder<ProjectKpi> builder)
    {
        builder.HasKey(k => new { k.ProjectId, k.KpiId });
        builder.HasOne(k => k.Kpi).WithMany().HasForeignKey(k => k.KpiId).OnDelete(DeleteBehavior.Cascade);
    }
}
