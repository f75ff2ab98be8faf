using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using NewsPortal.Core.Articles;
using NewsPortal.Core.FrontPage;
using NewsPortal.Core.Media.Library;
using NewsPortal.Core.Policies;
using NewsPortal.Core.Site;
using NewsPortal.Core.Topics;

namespace NewsPortal.Core.Data.Changes;

/// <summary>The listings an article is in: its section, tags and authors.</summary>
internal sealed record ArticleListings(int SectionId, List<int> TagIds, List<int> AuthorIds);

/// <summary>
/// Reads, from a context's change tracker just before a save, what the save will change of what readers
/// see. Articles are followed into the listings they were in (read from the database, before the save)
/// and the ones they are put into (from the tracked values), so a listing an article leaves or joins is
/// known either way. Types readers never see (messages, consent records, staff accounts, revisions) are
/// left out; any other type whose reach is not worked out here changes <see cref="ContentChange.Everything"/>,
/// so a new kind of content is never served stale by default.
/// </summary>
internal sealed class ContentChangeCollector
{
    private static readonly string[] UnseenNamespaces =
    [
        "NewsPortal.Core.Messages", "NewsPortal.Core.Mail", "NewsPortal.Core.Consent", "NewsPortal.Core.Staff", "Microsoft.AspNetCore.Identity",
        "NewsPortal.Core.Review", "NewsPortal.Core.Activity", "NewsPortal.Core.Statistics",
    ];

    private static readonly HashSet<Type> UnseenTypes = [typeof(ArticleRevision), typeof(ContentVersion)];

    private readonly HashSet<int> _articles = [];
    private readonly HashSet<int> _sections = [];
    private readonly HashSet<int> _tags = [];
    private readonly HashSet<int> _authors = [];
    private readonly HashSet<int> _topics = [];
    private readonly List<Article> _added = [];
    private bool _everything;
    private bool _policies;
    private bool _material;

    public bool Any => _everything || _policies || _articles.Count > 0 || _added.Count > 0 || _sections.Count > 0 || _tags.Count > 0 || _authors.Count > 0 || _topics.Count > 0;

    /// <summary>Existing articles whose listings before the save must be read from the database.</summary>
    public IReadOnlyCollection<int> ArticlesToFollow => _articles;

    public static ContentChangeCollector Read(ChangeTracker tracker)
    {
        var collector = new ContentChangeCollector();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                collector.Add(entry);
            }
        }

        return collector;
    }

    /// <summary>Adds the listings the followed articles were in before the save.</summary>
    public void AddListings(IEnumerable<ArticleListings> before)
    {
        foreach (var listings in before)
        {
            _sections.Add(listings.SectionId);
            _tags.UnionWith(listings.TagIds);
            _authors.UnionWith(listings.AuthorIds);
        }
    }

    /// <summary>The change, once the save has given new articles their ids.</summary>
    public ContentChange Complete(long version)
    {
        foreach (var added in _added)
        {
            _articles.Add(added.Id);
        }

        return new ContentChange(_everything, _articles, _sections, _tags, _authors, _policies, _material, version) { Topics = _topics };
    }

    /// <summary>Folds a later save of the same transaction into this one.</summary>
    public void Merge(ContentChangeCollector later)
    {
        _articles.UnionWith(later._articles);
        _sections.UnionWith(later._sections);
        _tags.UnionWith(later._tags);
        _authors.UnionWith(later._authors);
        _topics.UnionWith(later._topics);
        _added.AddRange(later._added);
        _everything |= later._everything;
        _policies |= later._policies;
        _material |= later._material;
    }

    private void Add(EntityEntry entry)
    {
        var type = entry.Metadata.ClrType;
        if (UnseenTypes.Contains(type) || UnseenNamespaces.Any(ns => type.Namespace?.StartsWith(ns, StringComparison.Ordinal) == true))
        {
            return;
        }

        switch (entry.Entity)
        {
            case Article article:
                AddArticle(entry, article);
                break;
            case ArticleSlug slug:
                _articles.Add(slug.ArticleId);
                break;
            case ArticleCorrection correction:
                _articles.Add(correction.ArticleId);
                break;
            case MediaImage when entry.State == EntityState.Added:
                // Not shown anywhere until an article uses it, which is an article change.
                break;
            case Topic topic:
                AddTopic(entry, topic);
                break;
            case TopicArticle member:
                AddTopicMember(entry, member);
                break;
            case MediaItem when entry.State is EntityState.Added or EntityState.Deleted:
                // Shown only through an article's body, which is an article change; only unused items are deleted.
                break;
            case ArticleMedia use:
                if (!entry.Property(nameof(ArticleMedia.ArticleId)).IsTemporary)
                {
                    _articles.Add(use.ArticleId);
                }

                break;
            case PolicyDocument or PolicyTranslation:
                _policies = true;
                break;
            case PolicyRevision revision:
                _policies = true;
                _material |= revision.IsMaterial;
                break;
            case FrontPagePick pick:
                // The picked article's listings change (home, and the section it leads); its own page does not,
                // but the article is how a listing change is told apart from no change at all.
                _articles.Add(pick.ArticleId);
                if (pick.SectionId is { } sectionId)
                {
                    _sections.Add(sectionId);
                }

                break;
            case SiteDetails or BreakingNews:
                // The site's name, footer, logo and the breaking-news strip are on every reader page.
                _everything = true;
                break;
            case Dictionary<string, object> when IsArticleJoin(entry):
                AddJoin(entry);
                break;
            default:
                _everything = true;
                break;
        }
    }

    private void AddArticle(EntityEntry entry, Article article)
    {
        if (entry.State == EntityState.Modified && entry.Properties.Where(p => p.IsModified).All(p => p.Metadata.Name == nameof(Article.ViewCount)))
        {
            return;
        }

        _sections.Add(article.SectionId);
        if (entry.State == EntityState.Added)
        {
            _added.Add(article);
            return;
        }

        _articles.Add(article.Id);
        _sections.Add((int)entry.Property(nameof(Article.SectionId)).OriginalValue!);
    }

    /// <summary>
    /// A topic's page and feeds, and the "Part of" link on each of its articles. The members are read from the
    /// tracker, so the topic must be saved with its members loaded; otherwise its reach is not known here.
    /// </summary>
    private void AddTopic(EntityEntry entry, Topic topic)
    {
        if (entry.State != EntityState.Added)
        {
            _topics.Add(topic.Id);
        }
        else
        {
            _topics.Add(0); // the /topics index and the sitemap change; no page shows the new topic yet
        }

        if (entry.State != EntityState.Added && !entry.Collection(nameof(Topic.Articles)).IsLoaded)
        {
            _everything = true;
            return;
        }

        foreach (var member in topic.Articles)
        {
            _articles.Add(member.ArticleId);
        }
    }

    private void AddTopicMember(EntityEntry entry, TopicArticle member)
    {
        _articles.Add(member.ArticleId);
        if (!entry.Property(nameof(TopicArticle.TopicId)).IsTemporary)
        {
            _topics.Add(member.TopicId);
        }
    }

    private static bool IsArticleJoin(EntityEntry entry) =>
        entry.Metadata.GetForeignKeys().Any(fk => fk.PrincipalEntityType.ClrType == typeof(Article));

    private void AddJoin(EntityEntry entry)
    {
        foreach (var fk in entry.Metadata.GetForeignKeys())
        {
            var property = entry.Property(fk.Properties[0].Name);
            if (property.IsTemporary || property.CurrentValue is not int id)
            {
                continue;
            }

            var principal = fk.PrincipalEntityType.ClrType;
            if (principal == typeof(Article))
            {
                _articles.Add(id);
            }
            else if (principal == typeof(Tag))
            {
                _tags.Add(id);
            }
            else if (principal == typeof(Author))
            {
                _authors.Add(id);
            }
        }
    }
}
