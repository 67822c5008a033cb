using Marketplace.Jobs.Domain.Companies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Jobs.Infrastructure.Persistence.Configurations;

internal sealed class CompanyConfiguration : IEntityTypeConfiguration<Company>
{
    public void Configure(EntityTypeBuilder<Company> company)
    {
        company.ToTable("companies");
        company.HasKey(c => c.Id);
        company.Property(c => c.Id).ValueGeneratedNever();
        company.Property(c => c.Name).HasMaxLength(Company.MaxNameLength);
        company.Ignore(c => c.DomainEvents);

        company.OwnsMany(c => c.Members, member =>
        {
            member.ToTable("company_members");
            member.WithOwner().HasForeignKey("CompanyId");
            member.HasKey("CompanyId", nameof(CompanyMember.UserId));
            member.Property(m => m.UserId).ValueGeneratedNever();
            member.Property(m => m.Role).HasConversion<string>().HasMaxLength(20);
            // An employer belongs to one company at most.
            member.HasIndex(m => m.UserId).IsUnique();
        });
        company.Navigation(c => c.Members).HasField("_members").UsePropertyAccessMode(PropertyAccessMode.Field);

        company.OwnsMany(c => c.Invitations, invitation =>
        {
            invitation.ToTable("company_invitations");
            invitation.WithOwner().HasForeignKey("CompanyId");
            invitation.HasKey(i => i.Id);
            invitation.Property(i => i.Id).ValueGeneratedNever();
            invitation.Property(i => i.Email).HasMaxLength(254);
            invitation.Property(i => i.TokenHash).HasMaxLength(64);
            invitation.HasIndex(i => i.TokenHash).IsUnique();
            invitation.Ignore(i => i.IsUsed);
        });
        company.Navigation(c => c.Invitations).HasField("_invitations").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
