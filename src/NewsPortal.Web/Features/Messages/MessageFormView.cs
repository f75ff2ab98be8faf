using NewsPortal.Core.Messages;
using NewsPortal.Core.Text;

namespace NewsPortal.Web.Features.Messages;

/// <summary>
/// What the message form shows: the values typed so far, errors by field name, a problem with the form as a whole,
/// whether the reader asked for a copy, and the signed time the form was first shown (<see cref="FormStamp"/>).
/// </summary>
public sealed record MessageFormView(CleanMessage Values, IReadOnlyDictionary<string, ReaderText> Errors, ReaderText? Problem = null, bool Copy = false, string Started = "")
{
    public static MessageFormView Empty(string started) => new(new CleanMessage("", "", "", ""), new Dictionary<string, ReaderText>(), Started: started);

    public ReaderText? ErrorFor(string field) => Errors.GetValueOrDefault(field);
}

/// <summary>One field of the message form, for the field partial.</summary>
public sealed record MessageFieldView(string Field, string Label, string Value, string? Error, int MaxLength, string Type, string? AutoComplete = null, string? Hint = null);
