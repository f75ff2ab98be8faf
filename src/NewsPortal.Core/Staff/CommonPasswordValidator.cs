using Microsoft.AspNetCore.Identity;

namespace NewsPortal.Core.Staff;

/// <summary>
/// Refuses passwords that are easy to guess, as current NIST guidance (SP 800-63B) asks instead of rules about
/// kinds of characters: a common password or word with digits or symbols around it ("password1234", "P@ssw0rd!"),
/// a keyboard or alphabet sequence, a repeated pattern ("aaaaaaaaaaa1", "abcabcabcabc"), or the account's own
/// address or name. Length is checked by Identity (at least 12; long passphrases are welcome).
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<StaffUser>
{
    public const string Error = "This password is too easy to guess: it is a common password, a sequence or a repeated pattern, or it holds the account's own name or address. A passphrase of several unrelated words is both strong and easy to remember.";

    // The most used passwords and words of leaked password lists, in the form they take once digits and symbols
    // around them are dropped and look-alike digits read as letters ("p@ssw0rd" is "password").
    private static readonly HashSet<string> Common = new(StringComparer.Ordinal)
    {
        "password", "passwort", "passe", "motdepasse", "contrasena", "pass", "passcode", "passphrase", "secret", "qwerty",
        "qwertyuiop", "qwertz", "azerty", "asdfgh", "asdfghjkl", "zxcvbnm", "letmein", "welcome", "welcomeback", "admin",
        "administrator", "root", "login", "iloveyou", "loveyou", "monkey", "dragon", "football", "baseball", "soccer",
        "hockey", "basketball", "sunshine", "princess", "master", "shadow", "superman", "batman", "spiderman", "trustno",
        "whatever", "starwars", "changeme", "default", "guest", "hello", "helloworld", "freedom", "michael", "jennifer",
        "charlie", "jordan", "thomas", "hunter", "ranger", "buster", "killer", "summer", "winter", "spring", "autumn",
        "flower", "cookie", "cheese", "pepper", "ginger", "chocolate", "computer", "internet", "google", "newsportal",
        "newsroom", "editor", "moderator", "staff", "portal", "news", "access", "mustang", "harley", "matrix",
        "abc", "abcdef", "abcdefgh", "abcdefghijkl", "zaq", "zaqxsw", "qazwsx", "qazwsxedc", "wsxedc", "asdf",
        "pokemon", "naruto", "liverpool", "chelsea", "arsenal", "london", "china", "america", "january", "december",
    };

    private static readonly string[] Sequences =
    [
        "abcdefghijklmnopqrstuvwxyz", "qwertyuiopasdfghjklzxcvbnm", "1234567890", "01234567890",
        "qazwsxedcrfvtgbyhnujmikolp", "zyxwvutsrqponmlkjihgfedcba", "mnbvcxzlkjhgfdsapoiuytrewq", "9876543210",
    ];

    public Task<IdentityResult> ValidateAsync(UserManager<StaffUser> manager, StaffUser user, string? password) =>
        Task.FromResult(IsEasyToGuess(password ?? "", user.Email, user.DisplayName)
            ? IdentityResult.Failed(new IdentityError { Code = "CommonPassword", Description = Error })
            : IdentityResult.Success);

    /// <summary>True for a password an attacker would try early (see the class summary).</summary>
    public static bool IsEasyToGuess(string password, string? email = null, string? name = null)
    {
        var lower = password.ToLowerInvariant();
        if (lower.Distinct().Count() < 5 || IsRepetition(lower) || IsSequence(lower))
        {
            return true;
        }

        var core = Core(lower);
        if (Common.Contains(core) || IsRepetition(core) || IsSequence(core) || Common.Contains(Unleet(core)) || Common.Contains(Core(Unleet(lower))))
        {
            return true;
        }

        var words = new[] { email?.Split('@')[0], name }
            .SelectMany(w => (w ?? "").ToLowerInvariant().Split([' ', '.', '-', '_', '+'], StringSplitOptions.RemoveEmptyEntries))
            .Where(w => w.Length >= 4);
        var letters = new string(Unleet(lower).Where(char.IsLetter).ToArray());
        return words.Any(w => letters.Contains(w, StringComparison.Ordinal) && letters.Length - w.Length < 6);
    }

    /// <summary>The letters left once digits and symbols around them are dropped: "!password1234" is "password".</summary>
    private static string Core(string value) => new(value.Trim().TrimStart(NotLetter(value)).TrimEnd(NotLetter(value)).Where(c => !char.IsWhiteSpace(c)).ToArray());

    private static char[] NotLetter(string value) => value.Where(c => !char.IsLetter(c)).Distinct().ToArray();

    private static string Unleet(string value) => new(value.Select(c => c switch
    {
        '0' => 'o', '1' => 'i', '3' => 'e', '4' => 'a', '5' => 's', '7' => 't', '@' => 'a', '$' => 's', '!' => 'i',
        _ => c,
    }).ToArray());

    /// <summary>The same short piece over and over: "abcabcabcabc", "passwordpassword".</summary>
    private static bool IsRepetition(string value)
    {
        for (var length = 1; length <= value.Length / 2; length++)
        {
            if (value.Length % length == 0 && string.Concat(Enumerable.Repeat(value[..length], value.Length / length)) == value)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A run along the alphabet, the digits or a keyboard row, in either direction.</summary>
    private static bool IsSequence(string value) =>
        value.Length >= 4 && Sequences.Any(s => (s + s).Contains(value, StringComparison.Ordinal));
}
