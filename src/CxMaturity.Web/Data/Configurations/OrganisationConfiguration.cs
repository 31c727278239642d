using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxMaturity.Web.Data.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(FieldLimits.Name);
        builder.PrimitiveCollection(o => o.RespondentGroups);
        builder.PrimitiveCollection(o => o.RootCauses);
        builder.Property(o => o.Version).IsConcurrencyToken();
    }
}
