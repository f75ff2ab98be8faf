using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsPortal.Core.Articles;
using NewsPortal.Core.Topics;
using NewsPortal.Web.Platform.Caching;

namespace NewsPortal.Web.Features.Topics;

public sealed class TopicModel(TopicQueries queries) : PageModel
{
    public TopicPage Topic { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        if (!Slug.IsValid(slug) || await queries.TopicAsync(slug, HttpContext.RequestAborted) is not { } topic)
        {
            return NotFound();
        }

        Topic = topic;
        HttpContext.TagPage(CacheTags.Topic(topic.Id));
        HttpContext.TagArticles(topic.Articles.Select(a => a.Id));
        return Page();
    }
}
