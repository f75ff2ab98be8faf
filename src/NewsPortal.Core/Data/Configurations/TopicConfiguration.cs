using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsPortal.Core.Topics;

namespace NewsPortal.Core.Data.Configurations;

internal sealed class TopicConfiguration : IEntityTypeConfiguration<Topic>
{
    public void Configure(EntityTypeBuilder<Topic> b)
    {
        b.Property(t => t.Title).HasMaxLength(TopicLimits.Title).IsRequired();
        b.Property(t => t.Slug).HasMaxLength(TopicLimits.Slug).IsRequired();
        b.HasIndex(t => t.Slug).IsUnique();
        b.HasOne(t => t.CoverImage).WithMany().HasForeignKey(t => t.CoverImageId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class TopicArticleConfiguration : IEntityTypeConfiguration<TopicArticle>
{
    public void Configure(EntityTypeBuilder<TopicArticle> b)
    {
        b.HasKey(m => new { m.TopicId, m.ArticleId });
        b.HasIndex(m => m.ArticleId);
        b.HasOne(m => m.Topic).WithMany(t => t.Articles).HasForeignKey(m => m.TopicId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(m => m.Article).WithMany().HasForeignKey(m => m.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
