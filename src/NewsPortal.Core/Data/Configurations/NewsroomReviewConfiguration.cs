using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsPortal.Core.Activity;
using NewsPortal.Core.Articles;
using NewsPortal.Core.Review;
using NewsPortal.Core.Statistics;

namespace NewsPortal.Core.Data.Configurations;

internal sealed class ArticleReviewConfiguration : IEntityTypeConfiguration<ArticleReview>
{
    public void Configure(EntityTypeBuilder<ArticleReview> b)
    {
        b.HasKey(r => r.ArticleId);
        b.Property(r => r.OwnerId).HasMaxLength(450).IsRequired();
        b.Property(r => r.OwnerName).HasMaxLength(256).IsRequired();
        b.HasOne<Article>().WithOne().HasForeignKey<ArticleReview>(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.State, r.SubmittedAt });
        b.HasIndex(r => r.OwnerId);
    }
}

internal sealed class ReviewCommentConfiguration : IEntityTypeConfiguration<ReviewComment>
{
    public void Configure(EntityTypeBuilder<ReviewComment> b)
    {
        b.Property(c => c.AuthorId).HasMaxLength(450).IsRequired();
        b.Property(c => c.AuthorName).HasMaxLength(256).IsRequired();
        b.Property(c => c.Text).HasMaxLength(ReviewRules.MaxCommentLength).IsRequired();
        b.HasOne<Article>().WithMany().HasForeignKey(c => c.ArticleId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.ArticleId, c.CreatedAt });
    }
}

internal sealed class EditingLeaseConfiguration : IEntityTypeConfiguration<EditingLease>
{
    public void Configure(EntityTypeBuilder<EditingLease> b)
    {
        b.HasKey(l => new { l.ArticleId, l.UserId });
        b.Property(l => l.UserId).HasMaxLength(450);
        b.Property(l => l.UserName).HasMaxLength(256).IsRequired();
        b.HasOne<Article>().WithMany().HasForeignKey(l => l.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ActivityEntryConfiguration : IEntityTypeConfiguration<ActivityEntry>
{
    public void Configure(EntityTypeBuilder<ActivityEntry> b)
    {
        b.ToTable("ActivityEntries");
        b.Property(e => e.ActorId).HasMaxLength(450).IsRequired();
        b.Property(e => e.ActorName).HasMaxLength(256).IsRequired();
        b.Property(e => e.Action).HasMaxLength(40).IsRequired();
        b.Property(e => e.Subject).HasMaxLength(ActivityActions.SubjectLength).IsRequired();
        b.Property(e => e.Detail).HasMaxLength(ActivityActions.DetailLength).IsRequired();
        b.HasIndex(e => e.At);
        b.HasIndex(e => new { e.ActorId, e.At });
        b.HasIndex(e => new { e.ArticleId, e.At });
    }
}

internal sealed class DailyArticleViewsConfiguration : IEntityTypeConfiguration<DailyArticleViews>
{
    public void Configure(EntityTypeBuilder<DailyArticleViews> b)
    {
        b.ToTable("DailyArticleViews");
        b.HasKey(v => new { v.ArticleId, v.Day });
        b.HasOne<Article>().WithMany().HasForeignKey(v => v.ArticleId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(v => v.Day);
    }
}

internal sealed class DailySearchesConfiguration : IEntityTypeConfiguration<DailySearches>
{
    public void Configure(EntityTypeBuilder<DailySearches> b)
    {
        b.ToTable("DailySearches");
        b.HasKey(s => new { s.Day, s.Query });
        b.Property(s => s.Query).HasMaxLength(SearchStatistics.MaxQueryLength);
    }
}
