using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsPortal.Core.Articles;
using NewsPortal.Core.Articles.Authors;
using NewsPortal.Core.Media;

namespace NewsPortal.Web.Features.Staff.Authors;

public sealed class EditModel(AuthorEditor editor) : PageModel
{
    [BindProperty]
    public AuthorForm Input { get; set; } = new();

    /// <summary>A new photo, if one was chosen.</summary>
    [BindProperty]
    public IFormFile? Photo { get; set; }

    /// <summary>The author being changed; null on the form for a new one.</summary>
    public AuthorRow? Author { get; private set; }

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, bool saved)
    {
        if (id is { } existing)
        {
            Author = await editor.FindAsync(existing, HttpContext.RequestAborted);
            if (Author is null)
            {
                return NotFound();
            }

            Input = new AuthorForm { Name = Author.Name, Slug = Author.Slug, Bio = Author.Bio, Links = Author.Links };
        }

        Saved = saved;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        if (ModelState.IsValid)
        {
            var upload = Photo is { } file ? new UploadedFile(file.FileName, file.Length, file.OpenReadStream) : null;
            var input = new AuthorInput(Input.Name, Input.Slug, Input.Bio, Input.Links, upload, Input.RemovePhoto);
            var result = await editor.SaveAsync(id, input, HttpContext.RequestAborted);
            if (result is null)
            {
                return NotFound();
            }

            if (result.Id is { } savedId)
            {
                return Redirect($"/staff/authors/edit/{savedId}?saved=true");
            }

            foreach (var (field, message) in result.Errors)
            {
                ModelState.AddModelError(field switch { "" => "", nameof(AuthorInput.Photo) => nameof(Photo), _ => $"{nameof(Input)}.{field}" }, message);
            }
        }

        if (id is { } existing && (Author = await editor.FindAsync(existing, HttpContext.RequestAborted)) is null)
        {
            return NotFound();
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}

public sealed class AuthorForm
{
    [StringLength(ArticleLimits.Name, ErrorMessage = "The name can be at most {1} characters.")]
    public string? Name { get; set; }

    [StringLength(AuthorLimits.Slug, ErrorMessage = "The address can be at most {1} characters.")]
    public string? Slug { get; set; }

    [StringLength(AuthorLimits.Bio, ErrorMessage = "The bio can be at most {1} characters.")]
    public string? Bio { get; set; }

    [StringLength(AuthorLimits.Links, ErrorMessage = "The links can be at most {1} characters in all.")]
    public string? Links { get; set; }

    public bool RemovePhoto { get; set; }
}
