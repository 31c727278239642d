using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxMaturity.Web.Data.Configurations;

internal sealed class KpiConfiguration : IEntityTypeConfiguration<Kpi>
{
    public void Configure(EntityTypeBuilder<Kpi> builder)
    {
        builder.Property(k => k.Name).HasMaxLength(FieldLimits.Title);
        builder.Property(k => k.Unit).HasMaxLength(FieldLimits.Unit);
        builder.Property(k => k.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(k => k.Direction).HasConversion<string>().HasMaxLength(20);
        builder.Property(k => k.Frequency).HasConversion<string>().HasMaxLength(20);
        builder.Property(k => k.JourneyStage).HasMaxLength(FieldLimits.Name);
        builder.PrimitiveCollection(k => k.DimensionIds);
        builder.Property(k => k.Version).IsConcurrencyToken();
        builder.HasOne(k => k.Organisation).WithMany().HasForeignKey(k => k.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        // A KPI outlives its owner's account; it then has no owner.
        builder.HasOne(k => k.OwnerUser).WithMany().HasForeignKey(k => k.OwnerUserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(k => k.OrganisationId);
    }
}

internal sealed class KpiMeasurementConfiguration : IEntityTypeConfiguration<KpiMeasurement>
{
    public void Configure(EntityTypeBuilder<KpiMeasurement> builder)
    {
        builder.Property(m => m.Source).HasMaxLength(FieldLimits.Name);
        builder.Property(m => m.Note).HasMaxLength(FieldLimits.Note);
        builder.Property(m => m.RatingCounts).HasMaxLength(400);
        builder.Property(m => m.CreatedByUserId).HasMaxLength(450);
        builder.HasOne(m => m.Kpi).WithMany(k => k.Measurements).HasForeignKey(m => m.KpiId).OnDelete(DeleteBehavior.Cascade);
        // The KPI page reads a KPI's measurements by date.
        builder.HasIndex(m => new { m.KpiId, m.Date });
    }
}
