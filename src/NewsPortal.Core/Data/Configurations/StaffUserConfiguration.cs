using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsPortal.Core.Staff;

namespace NewsPortal.Core.Data.Configurations;

internal sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> b)
    {
        // Accounts made before staff could choose keep the English pages.
        b.Property(u => u.InterfaceLanguage).HasMaxLength(20).HasDefaultValue("en");
    }
}
