using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxMaturity.Web.Data.Configurations;

internal sealed class RoadmapItemStateConfiguration : IEntityTypeConfiguration<RoadmapItemState>
{
    public void Configure(EntityTypeBuilder<RoadmapItemState> builder)
    {
        builder.ToTable("RoadmapItemStates");
        builder.HasKey(s => new { s.RoundId, s.InitiativeId });
        builder.Property(s => s.InitiativeId).HasMaxLength(FieldLimits.ModelId);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.HorizonOverride).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Owner).HasMaxLength(FieldLimits.Owner);
        builder.Property(s => s.Notes).HasMaxLength(FieldLimits.Notes);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne<AssessmentRound>().WithMany().HasForeignKey(s => s.RoundId).OnDelete(DeleteBehavior.Cascade);
        // Deleting a project unlinks the item rather than losing the CX lead's edits.
        builder.HasOne(s => s.Project).WithMany().HasForeignKey(s => s.ProjectId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(s => s.ProjectId).IsUnique();
    }
}
