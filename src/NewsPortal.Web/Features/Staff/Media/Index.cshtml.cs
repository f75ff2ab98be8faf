using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using NewsPortal.Core.Media;
using NewsPortal.Core.Media.Library;
using NewsPortal.Web.Platform.Data;
using NewsPortal.Web.Platform.Site;

namespace NewsPortal.Web.Features.Staff.Media;

/// <summary>The media library: upload pictures and videos with their words, search by words and upload date.</summary>
public sealed class IndexModel(MediaLibrary library, MediaLibraryQueries queries, SiteTime time, IOptions<MediaOptions> options, ILogger<IndexModel> log)
    : PageModel
{
    [BindProperty]
    public LibraryUpload Upload { get; set; } = new(null, null, null, null);

    [BindProperty]
    public IFormFile? FileUpload { get; set; }

    [BindProperty]
    public IFormFile? Captions { get; set; }

    [BindProperty]
    public IFormFile? Poster { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Words { get; set; }

    /// <summary>Uploaded on or after this day (site time), as yyyy-MM-dd.</summary>
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    /// <summary>Uploaded on or before this day (site time), as yyyy-MM-dd.</summary>
    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    /// <summary>The page of results (?page=), read from the query string only: "page" is also Razor Pages' own route value.</summary>
    public int PageNumber { get; private set; } = 1;

    [TempData]
    public string? Notice { get; set; }

    public LibraryPage Results { get; private set; } = new([], 1, false);

    public MediaOptions Limits => options.Value;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] string? page)
    {
        PageNumber = int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 ? number : 1;
        await SearchAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        LibraryResult result;
        try
        {
            result = await library.UploadAsync(Upload, Uploaded(FileUpload), Uploaded(Captions), Uploaded(Poster), User.Identity?.Name ?? "staff", HttpContext.RequestAborted);
        }
        catch (Exception ex) when (StorageFailures.IsOutOfSpace(ex))
        {
            log.LogError("A media upload failed: the server is out of disk space ({Error})", ex.Message);
            ModelState.AddModelError("", "The server is out of disk space; nothing was stored. Ask the administrator to free space, then try again.");
            await SearchAsync();
            Response.StatusCode = StatusCodes.Status507InsufficientStorage;
            return Page();
        }

        if (result.Item is { } item)
        {
            Notice = $"Added to the library as number {item.Id}. Insert it in an article body as ![caption](media:{item.Id}).";
            return Redirect($"/staff/media/{item.Id}");
        }

        foreach (var (field, error) in result.Errors)
        {
            ModelState.AddModelError(field switch
            {
                LibraryField.Form => "",
                LibraryField.File => nameof(FileUpload),
                LibraryField.Captions or LibraryField.Poster => field,
                _ => $"{nameof(Upload)}.{field}",
            }, error);
        }

        await SearchAsync();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public string PageUrl(int page) => QueryHelpers(page);

    private string QueryHelpers(int page)
    {
        var query = new Dictionary<string, string?> { ["q"] = Words, ["from"] = From, ["to"] = To, ["page"] = page.ToString(CultureInfo.InvariantCulture) };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/staff/media", query.Where(p => !string.IsNullOrEmpty(p.Value)));
    }

    private async Task SearchAsync()
    {
        DateTime? from = Day(From, nameof(From)) is { } f ? time.ToUtc(f) : null;
        DateTime? to = Day(To, nameof(To)) is { } t ? time.ToUtc(t.AddDays(1)) : null;
        Results = await queries.SearchAsync(Words, from, to, PageNumber, HttpContext.RequestAborted);
    }

    private DateTime? Day(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        ModelState.AddModelError(field, "Enter the date as year-month-day, e.g. 2026-12-01.");
        return null;
    }

    private static UploadedFile? Uploaded(IFormFile? file) => file is null ? null : new UploadedFile(file.FileName, file.Length, file.OpenReadStream);
}
