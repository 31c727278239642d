using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxMaturity.Web.Data.Configurations;

internal sealed class RoundTargetConfiguration : IEntityTypeConfiguration<RoundTarget>
{
    public void Configure(EntityTypeBuilder<RoundTarget> builder)
    {
        builder.HasKey(t => new { t.RoundId, t.DimensionId });
        builder.Property(t => t.DimensionId).HasMaxLength(FieldLimits.ModelId);
    }
}
