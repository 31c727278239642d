using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxMaturity.Web.Data.Configurations;

internal sealed class CustomerGapConfiguration : IEntityTypeConfiguration<CustomerGap>
{
    public void Configure(EntityTypeBuilder<CustomerGap> builder)
    {
        builder.Property(g => g.Title).HasMaxLength(FieldLimits.Title);
        builder.Property(g => g.Source).HasMaxLength(FieldLimits.Name);
        builder.Property(g => g.RootCause).HasMaxLength(FieldLimits.Name);
        builder.Property(g => g.Version).IsConcurrencyToken();
        builder.HasOne(g => g.Organisation).WithMany().HasForeignKey(g => g.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(g => new { g.OrganisationId, g.RootCause });
    }
}
