using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxMaturity.Web.Data.Configurations;

internal sealed class ImportanceRatingConfiguration : IEntityTypeConfiguration<ImportanceRating>
{
    public void Configure(EntityTypeBuilder<ImportanceRating> builder)
    {
        builder.HasKey(i => new { i.RespondentId, i.DimensionId });
        builder.Property(i => i.DimensionId).HasMaxLength(FieldLimits.ModelId);
    }
}
