using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxMaturity.Web.Data.Configurations;

internal sealed class AssessmentRoundConfiguration : IEntityTypeConfiguration<AssessmentRound>
{
    public void Configure(EntityTypeBuilder<AssessmentRound> builder)
    {
        builder.ToTable("AssessmentRounds");
        builder.Property(r => r.Name).HasMaxLength(FieldLimits.Name);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.PrimitiveCollection(r => r.DimensionsInScope);
        builder.PrimitiveCollection(r => r.RespondentGroups);
        builder.Property(r => r.PerceptionGroupA).HasMaxLength(FieldLimits.Group);
        builder.Property(r => r.PerceptionGroupB).HasMaxLength(FieldLimits.Group);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne(r => r.Organisation).WithMany(o => o.Rounds).HasForeignKey(r => r.OrganisationId);
        builder.HasOne(r => r.ModelVersion).WithMany().HasForeignKey(r => r.ModelVersionId)
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Targets).WithOne().HasForeignKey(t => t.RoundId);
    }
}
