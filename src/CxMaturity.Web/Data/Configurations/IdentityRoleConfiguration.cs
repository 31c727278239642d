using CxMaturity.Web.Features.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxMaturity.Web.Data.Configurations;

// The site roles exist in every database from its first migration on, so no start-up code has to create them.
internal sealed class IdentityRoleConfiguration : IEntityTypeConfiguration<IdentityRole>
{
    public void Configure(EntityTypeBuilder<IdentityRole> builder) =>
        builder.HasData(new IdentityRole
        {
            Id = "5d2b7c1e-8a3f-4c55-9d61-0b7e2f4a9c10",
            Name = SiteRoles.Administrator,
            NormalizedName = SiteRoles.Administrator.ToUpperInvariant(),
            ConcurrencyStamp = "3f0a6c9b-1d2e-4f70-8b35-6a4c2e9d1f07",
        });
}
