using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsPortal.Core.Topics;
using NewsPortal.Web.Platform.Caching;

namespace NewsPortal.Web.Features.Topics;

public sealed class TopicsModel(TopicQueries queries) : PageModel
{
    public IReadOnlyList<TopicEntry> Topics { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Topics = await queries.IndexAsync(HttpContext.RequestAborted);
        HttpContext.TagPage(CacheTags.Directories);
    }
}
