using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsPortal.Core.Articles;

namespace NewsPortal.Core.Data.Configurations;

internal sealed class SectionSlugConfiguration : IEntityTypeConfiguration<SectionSlug>
{
    public void Configure(EntityTypeBuilder<SectionSlug> b)
    {
        b.Property(s => s.Slug).HasMaxLength(100).IsRequired();
        b.HasIndex(s => s.Slug).IsUnique();
        b.HasOne(s => s.Section).WithMany(x => x.SlugHistory).HasForeignKey(s => s.SectionId).OnDelete(DeleteBehavior.Cascade);
    }
}
