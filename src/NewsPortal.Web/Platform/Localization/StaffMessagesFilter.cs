using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Localization;

namespace NewsPortal.Web.Platform.Localization;

/// <summary>
/// Shows a staff form's errors in the page's language: just before a staff page is written, every error in its model
/// state (from validation attributes, the page model or Core's rules, all in English) is replaced by its translation.
/// English pages keep them as they are.
/// </summary>
public sealed class StaffMessagesFilter(IStringLocalizer<StaffText> text) : IAlwaysRunResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (!context.HttpContext.Request.Path.StartsWithSegments("/staff", StringComparison.OrdinalIgnoreCase)
            || StaffLanguage.Current == ReaderLanguage.English)
        {
            return;
        }

        foreach (var entry in context.ModelState.Values)
        {
            if (entry.Errors.Count == 0)
            {
                continue;
            }

            var errors = entry.Errors.ToList();
            entry.Errors.Clear();
            foreach (var error in errors)
            {
                if (error.Exception is not null && string.IsNullOrEmpty(error.ErrorMessage))
                {
                    entry.Errors.Add(error);
                }
                else
                {
                    entry.Errors.Add(text.Message(error.ErrorMessage));
                }
            }
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
