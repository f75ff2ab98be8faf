using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsPortal.Core.Media;
using NewsPortal.Core.Topics;

namespace NewsPortal.Web.Features.Staff.Topics;

public sealed class EditModel(TopicEditor editor) : PageModel
{
    [BindProperty]
    public TopicForm Input { get; set; } = new();

    /// <summary>A new cover image, if one was chosen.</summary>
    [BindProperty]
    public IFormFile? Cover { get; set; }

    /// <summary>The topic being changed; null on the form for a new one.</summary>
    public TopicRow? Topic { get; private set; }

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, bool saved)
    {
        if (id is { } existing)
        {
            Topic = await editor.FindAsync(existing, HttpContext.RequestAborted);
            if (Topic is null)
            {
                return NotFound();
            }

            Input = new TopicForm
            {
                Title = Topic.Title, Slug = Topic.Slug, Intro = Topic.Intro, IsOpen = Topic.IsOpen, Articles = string.Join('\n', Topic.ArticleSlugs),
            };
        }

        Saved = saved;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        if (ModelState.IsValid)
        {
            var upload = Cover is { } file ? new UploadedFile(file.FileName, file.Length, file.OpenReadStream) : null;
            var input = new TopicInput(Input.Title, Input.Slug, Input.Intro, Input.IsOpen, Input.Articles, upload, Input.RemoveCover);
            var result = await editor.SaveAsync(id, input, HttpContext.RequestAborted);
            if (result is null)
            {
                return NotFound();
            }

            if (result.Id is { } savedId)
            {
                return Redirect($"/staff/topics/edit/{savedId}?saved=true");
            }

            foreach (var (field, message) in result.Errors)
            {
                ModelState.AddModelError(field switch { "" => "", nameof(TopicInput.Cover) => nameof(Cover), _ => $"{nameof(Input)}.{field}" }, message);
            }
        }

        if (id is { } existing && (Topic = await editor.FindAsync(existing, HttpContext.RequestAborted)) is null)
        {
            return NotFound();
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}

public sealed class TopicForm
{
    [StringLength(TopicLimits.Title, ErrorMessage = "The title can be at most {1} characters.")]
    public string? Title { get; set; }

    [StringLength(TopicLimits.Slug, ErrorMessage = "The address can be at most {1} characters.")]
    public string? Slug { get; set; }

    [StringLength(TopicLimits.Intro, ErrorMessage = "The intro can be at most {1} characters.")]
    public string? Intro { get; set; }

    public bool IsOpen { get; set; } = true;

    public string? Articles { get; set; }

    public bool RemoveCover { get; set; }
}
