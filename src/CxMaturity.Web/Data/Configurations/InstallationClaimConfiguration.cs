using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxMaturity.Web.Data.Configurations;

internal sealed class InstallationClaimConfiguration : IEntityTypeConfiguration<InstallationClaim>
{
    public void Configure(EntityTypeBuilder<InstallationClaim> builder)
    {
        builder.HasKey(c => c.Name);
        // Names are the constants of InstallationClaim; the user id is Identity's, as long as Identity makes it.
        builder.Property(c => c.Name).HasMaxLength(64);
    }
}
