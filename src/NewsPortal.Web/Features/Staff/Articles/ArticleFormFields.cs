using NewsPortal.Core.Articles.Editing;

namespace NewsPortal.Web.Features.Staff.Articles;

/// <summary>Where on the article form an error about an article field is shown.</summary>
public static class ArticleFormFields
{
    public static string Of(string field) => field switch
    {
        ArticleField.Form => "",
        ArticleField.Cover => nameof(EditModel.Cover),
        ArticleField.ScheduleAt => nameof(EditModel.ScheduleAt),
        ArticleField.Correction => nameof(EditModel.CorrectionText),
        _ => $"{nameof(EditModel.Input)}.{field}",
    };
}
