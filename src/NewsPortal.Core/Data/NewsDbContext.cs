using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NewsPortal.Core.Articles;
using NewsPortal.Core.Consent;
using NewsPortal.Core.FrontPage;
using NewsPortal.Core.Mail;
using NewsPortal.Core.Media.Library;
using NewsPortal.Core.Messages;
using NewsPortal.Core.Policies;
using NewsPortal.Core.Site;
using NewsPortal.Core.Staff;
using NewsPortal.Core.Topics;

namespace NewsPortal.Core.Data;

/// <summary>The portal's one database: content, reader messages, consent records and staff identity.</summary>
public class NewsDbContext(DbContextOptions<NewsDbContext> options) : IdentityDbContext<StaffUser>(options)
{
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<Section> Sections => Set<Section>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<Author> Authors => Set<Author>();
    public DbSet<ArticleSlug> ArticleSlugs => Set<ArticleSlug>();
    public DbSet<SectionSlug> SectionSlugs => Set<SectionSlug>();
    public DbSet<TagSlug> TagSlugs => Set<TagSlug>();
    public DbSet<Topic> Topics => Set<Topic>();
    public DbSet<TopicArticle> TopicArticles => Set<TopicArticle>();
    public DbSet<ArticleRevision> ArticleRevisions => Set<ArticleRevision>();
    public DbSet<ArticleCorrection> ArticleCorrections => Set<ArticleCorrection>();
    public DbSet<MediaImage> MediaImages => Set<MediaImage>();
    public DbSet<MediaItem> MediaItems => Set<MediaItem>();
    public DbSet<ArticleMedia> ArticleMedia => Set<ArticleMedia>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<MessageNote> MessageNotes => Set<MessageNote>();
    public DbSet<OutgoingMail> OutgoingMails => Set<OutgoingMail>();
    public DbSet<ConsentRecord> ConsentRecords => Set<ConsentRecord>();
    public DbSet<PolicyDocument> PolicyDocuments => Set<PolicyDocument>();
    public DbSet<PolicyRevision> PolicyRevisions => Set<PolicyRevision>();
    public DbSet<PolicyTranslation> PolicyTranslations => Set<PolicyTranslation>();
    public DbSet<ContentVersion> ContentVersions => Set<ContentVersion>();
    public DbSet<SiteDetails> SiteDetails => Set<SiteDetails>();
    public DbSet<FrontPagePick> FrontPagePicks => Set<FrontPagePick>();
    public DbSet<BreakingNews> BreakingNews => Set<BreakingNews>();
    public DbSet<Review.ArticleReview> ArticleReviews => Set<Review.ArticleReview>();
    public DbSet<Review.ReviewComment> ReviewComments => Set<Review.ReviewComment>();
    public DbSet<Review.EditingLease> EditingLeases => Set<Review.EditingLease>();
    public DbSet<Activity.ActivityEntry> ActivityEntries => Set<Activity.ActivityEntry>();
    public DbSet<Statistics.DailyArticleViews> DailyArticleViews => Set<Statistics.DailyArticleViews>();
    public DbSet<Statistics.DailySearches> DailySearches => Set<Statistics.DailySearches>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(NewsDbContext).Assembly);
        builder.Entity<ContentVersion>(b =>
        {
            b.Property(v => v.Id).ValueGeneratedNever();
            b.HasData(new ContentVersion { Id = ContentVersion.SingletonId, Value = 0 });
        });
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every stored time is UTC; reading it back must not lose that.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v == null ? v : (v.Value.Kind == DateTimeKind.Utc ? v : v.Value.ToUniversalTime()),
        v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
}
