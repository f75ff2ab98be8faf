using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsPortal.Core.Articles;

namespace NewsPortal.Core.Data.Configurations;

internal sealed class TagSlugConfiguration : IEntityTypeConfiguration<TagSlug>
{
    public void Configure(EntityTypeBuilder<TagSlug> b)
    {
        b.Property(s => s.Slug).HasMaxLength(100).IsRequired();
        b.HasIndex(s => s.Slug).IsUnique();
        b.HasOne(s => s.Tag).WithMany().HasForeignKey(s => s.TagId).OnDelete(DeleteBehavior.Cascade);
    }
}
