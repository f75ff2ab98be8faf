using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsPortal.Core.Articles;

namespace NewsPortal.Core.Data.Configurations;

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> b)
    {
        b.Property(a => a.Headline).HasMaxLength(ArticleLimits.Headline).IsRequired();
        b.Property(a => a.Slug).HasMaxLength(ArticleLimits.Slug).IsRequired();
        b.Property(a => a.Standfirst).HasMaxLength(ArticleLimits.Standfirst);
        b.Property(a => a.Source).HasMaxLength(ArticleLimits.Source);
        b.Property(a => a.Language).HasMaxLength(ArticleLanguage.MaxLength).IsRequired().HasDefaultValue(ArticleLanguage.English);
        b.HasOne(a => a.Translation).WithMany().HasForeignKey(a => a.TranslationId).OnDelete(DeleteBehavior.SetNull);
        b.Property(a => a.CoverImageUrl).HasMaxLength(500);
        b.Property(a => a.CoverCaption).HasMaxLength(ArticleLimits.Caption);
        b.Property(a => a.CoverCredit).HasMaxLength(ArticleLimits.Credit);
        b.HasIndex(a => a.Slug).IsUnique();

        // Listings: newest first among visible articles, site-wide and per section.
        b.HasIndex(a => new { a.Status, a.PublishedAt, a.Id });
        b.HasIndex(a => new { a.SectionId, a.Status, a.PublishedAt, a.Id });
        b.HasIndex(a => new { a.Status, a.ViewCount });

        b.HasOne(a => a.Section).WithMany(s => s.Articles).HasForeignKey(a => a.SectionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(a => a.CoverImage).WithMany().HasForeignKey(a => a.CoverImageId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(a => a.Tags).WithMany(t => t.Articles).UsingEntity("ArticleTags");
        b.HasMany(a => a.Authors).WithMany(t => t.Articles).UsingEntity("ArticleAuthors");
    }
}

internal sealed class SectionConfiguration : IEntityTypeConfiguration<Section>
{
    public void Configure(EntityTypeBuilder<Section> b)
    {
        b.Property(s => s.Name).HasMaxLength(ArticleLimits.Name).IsRequired();
        b.Property(s => s.ChineseName).HasMaxLength(ArticleLimits.Name);
        b.Property(s => s.Slug).HasMaxLength(100).IsRequired();
        b.Property(s => s.Description).HasMaxLength(500);
        b.HasIndex(s => s.Slug).IsUnique();
    }
}

internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> b)
    {
        b.Property(s => s.Name).HasMaxLength(ArticleLimits.Name).IsRequired();
        b.Property(s => s.Slug).HasMaxLength(100).IsRequired();
        b.HasIndex(s => s.Slug).IsUnique();
    }
}

internal sealed class AuthorConfiguration : IEntityTypeConfiguration<Author>
{
    public void Configure(EntityTypeBuilder<Author> b)
    {
        b.Property(s => s.Name).HasMaxLength(ArticleLimits.Name).IsRequired();
        b.Property(s => s.Slug).HasMaxLength(100).IsRequired();
        b.Property(s => s.Bio).HasMaxLength(1000);
        b.Property(s => s.Links).HasMaxLength(AuthorLimits.Links);
        b.HasIndex(s => s.Slug).IsUnique();
        b.HasOne(s => s.Photo).WithMany().HasForeignKey(s => s.PhotoId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ArticleSlugConfiguration : IEntityTypeConfiguration<ArticleSlug>
{
    public void Configure(EntityTypeBuilder<ArticleSlug> b)
    {
        b.Property(s => s.Slug).HasMaxLength(ArticleLimits.Slug).IsRequired();
        b.HasIndex(s => s.Slug).IsUnique();
        b.HasOne(s => s.Article).WithMany(a => a.SlugHistory).HasForeignKey(s => s.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ArticleRevisionConfiguration : IEntityTypeConfiguration<ArticleRevision>
{
    public void Configure(EntityTypeBuilder<ArticleRevision> b)
    {
        b.Property(r => r.EditedBy).HasMaxLength(ArticleLimits.EditedBy);
        b.HasIndex(r => new { r.ArticleId, r.Number }).IsUnique();
        b.HasOne(r => r.Article).WithMany(a => a.Revisions).HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ArticleCorrectionConfiguration : IEntityTypeConfiguration<ArticleCorrection>
{
    public void Configure(EntityTypeBuilder<ArticleCorrection> b)
    {
        b.Property(c => c.Text).HasMaxLength(ArticleLimits.Correction).IsRequired();
        b.HasOne(c => c.Article).WithMany(a => a.Corrections).HasForeignKey(c => c.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MediaImageConfiguration : IEntityTypeConfiguration<MediaImage>
{
    public void Configure(EntityTypeBuilder<MediaImage> b)
    {
        b.Property(m => m.StorageName).HasMaxLength(64).IsRequired();
        b.Property(m => m.Extension).HasMaxLength(8);
        b.Property(m => m.ContentType).HasMaxLength(64);
        b.Property(m => m.Widths).HasMaxLength(100);
        b.Property(m => m.OriginalFileName).HasMaxLength(255);
        b.HasIndex(m => m.StorageName).IsUnique();
    }
}
