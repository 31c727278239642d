using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxMaturity.Web.Data.Configurations;

internal sealed class ModelVersionConfiguration : IEntityTypeConfiguration<ModelVersion>
{
    public void Configure(EntityTypeBuilder<ModelVersion> builder)
    {
        builder.Property(m => m.ModelId).HasMaxLength(100);
        builder.Property(m => m.Version).HasMaxLength(50);
        builder.Property(m => m.ContentHash).HasMaxLength(64);
        builder.HasIndex(m => new { m.ModelId, m.Version }).IsUnique();
    }
}
