using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsPortal.Core.Articles;
using NewsPortal.Core.Articles.Sections;

namespace NewsPortal.Web.Features.Staff.Sections;

public sealed class EditModel(SectionEditor editor) : PageModel
{
    [BindProperty]
    public SectionForm Input { get; set; } = new();

    /// <summary>The section being changed; null on the form for a new one.</summary>
    public SectionRow? Section { get; private set; }

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, bool saved)
    {
        if (id is { } existing)
        {
            Section = await editor.FindAsync(existing, HttpContext.RequestAborted);
            if (Section is null)
            {
                return NotFound();
            }

            Input = new SectionForm { Name = Section.Name, ChineseName = Section.ChineseName, Slug = Section.Slug, Description = Section.Description, IsHidden = Section.IsHidden };
        }

        Saved = saved;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        if (ModelState.IsValid)
        {
            var result = await editor.SaveAsync(id, new SectionInput(Input.Name, Input.Slug, Input.Description, Input.IsHidden, Input.ChineseName), HttpContext.RequestAborted);
            if (result is null)
            {
                return NotFound();
            }

            if (result.Id is { } savedId)
            {
                return Redirect($"/staff/sections/edit/{savedId}?saved=true");
            }

            foreach (var (field, message) in result.Errors)
            {
                ModelState.AddModelError(field.Length == 0 ? "" : $"{nameof(Input)}.{field}", message);
            }
        }

        if (id is { } existing && (Section = await editor.FindAsync(existing, HttpContext.RequestAborted)) is null)
        {
            return NotFound();
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}

public sealed class SectionForm
{
    [StringLength(ArticleLimits.Name, ErrorMessage = "The name can be at most {1} characters.")]
    public string? Name { get; set; }

    [Display(Name = "Name in Chinese")]
    [StringLength(ArticleLimits.Name, ErrorMessage = "The Chinese name can be at most {1} characters.")]
    public string? ChineseName { get; set; }

    [Display(Name = "Address (slug)")]
    [StringLength(SectionEditor.MaxSlug, ErrorMessage = "The address can be at most {1} characters.")]
    public string? Slug { get; set; }

    [StringLength(SectionEditor.MaxDescription, ErrorMessage = "The description can be at most {1} characters.")]
    public string? Description { get; set; }

    public bool IsHidden { get; set; }
}
