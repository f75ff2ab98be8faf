using System.Globalization;
using YamlDotNet.Serialization;

namespace NewsPortal.Core.Articles.Import;

/// <summary>Writing articles as Markdown files with front matter (the export command).</summary>
public static partial class FrontMatter
{
    /// <summary>Writes an article in the same format <see cref="Parse"/> reads; times in the site's zone with their offset.</summary>
    public static string Write(ArticleDocument document, TimeZoneInfo zone)
    {
        var fields = new Dictionary<string, object>
        {
            ["headline"] = document.Headline,
            ["slug"] = document.Slug ?? Slug.From(document.Headline),
            ["section"] = document.Section,
        };
        if (document.Tags.Count > 0)
        {
            fields["tags"] = document.Tags.ToList();
        }

        if (document.Authors.Count > 0)
        {
            fields["authors"] = document.Authors.ToList();
        }

        if (document.Standfirst.Length > 0)
        {
            fields["standfirst"] = document.Standfirst;
        }

        if (document.PublishedAt is { } at)
        {
            var utc = DateTime.SpecifyKind(at, DateTimeKind.Utc);
            var local = new DateTimeOffset(TimeZoneInfo.ConvertTimeFromUtc(utc, zone), zone.GetUtcOffset(utc));
            fields["published"] = local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        }

        fields["status"] = document.Status.ToString().ToLowerInvariant();
        if (document.Source is not null)
        {
            fields["source"] = document.Source;
        }

        if (document.Language is { } language)
        {
            fields["language"] = language;
        }

        var yaml = new SerializerBuilder().Build().Serialize(fields);
        return "---\n" + yaml.Replace("\r\n", "\n", StringComparison.Ordinal) + "---\n" + document.Body.TrimEnd() + "\n";
    }
}
