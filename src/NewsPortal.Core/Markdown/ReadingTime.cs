namespace NewsPortal.Core.Markdown;

/// <summary>Estimated reading time: about 230 English words or 400 Chinese characters a minute.</summary>
public static class ReadingTime
{
    public static int Minutes(string plainText)
    {
        var words = 0;
        var cjk = 0;
        var inWord = false;
        foreach (var c in plainText)
        {
            if (IsCjk(c))
            {
                cjk++;
                inWord = false;
            }
            else if (char.IsLetterOrDigit(c))
            {
                if (!inWord)
                {
                    words++;
                }

                inWord = true;
            }
            else
            {
                inWord = false;
            }
        }

        var minutes = (words / 230.0) + (cjk / 400.0);
        return Math.Max(1, (int)Math.Ceiling(minutes));
    }

    public static bool IsCjk(char c) =>
        (c >= '\u4E00' && c <= '\u9FFF') || (c >= '\u3400' && c <= '\u4DBF') || (c >= '\uF900' && c <= '\uFAFF');
}
