using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxMaturity.Web.Data.Configurations;

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> builder)
    {
        builder.HasIndex(m => new { m.OrganisationId, m.UserId }).IsUnique();
        builder.HasIndex(m => m.UserId);
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(20);
        builder.HasOne(m => m.Organisation).WithMany(o => o.Memberships).HasForeignKey(m => m.OrganisationId);
        builder.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId);
    }
}
