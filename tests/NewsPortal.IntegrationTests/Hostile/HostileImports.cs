using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Features.Staff.Articles;
using Spectre.Console;

namespace NewsPortal.IntegrationTests.Hostile;

/// <summary>
/// The <c>import FOLDER</c> command under hostile files: traversal in slugs, huge fields, broken or malicious
/// YAML, binary files and files that never end. Each file is refused with a reason on the console, or imported
/// with its slug reduced to letters, digits and hyphens and its text shown inert; the command always finishes.
/// </summary>
public sealed class HostileImports(HostilePortal portal) : IClassFixture<HostilePortal>
{
    private static string Front(string fields, string body = "A body.") => $"---\n{fields}\n---\n{body}\n";

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>Each hostile file: its content, and "created:SLUG" or the reason (a fragment) it must be refused for.</summary>
    private static readonly Dictionary<string, (Func<byte[]> Content, string Outcome)> Files = new()
    {
        ["traversal in the slug"] = (() => Utf8(Front("headline: Traversal one\nsection: city\nslug: ../../../etc/passwd\nstatus: published")), "created:etc-passwd"),
        ["backslash traversal in the slug"] = (() => Utf8(Front("headline: Traversal two\nsection: city\nslug: ..\\..\\windows\\win.ini\nstatus: published")), "created:windows-win-ini"),
        ["absolute path as the slug"] = (() => Utf8(Front("headline: Traversal three\nsection: city\nslug: /var/lib/newsportal/portal.db\nstatus: published")), "created:var-lib-newsportal-portal-db"),
        ["a slug of dots"] = (() => Utf8(Front("headline: 重庆\nsection: city\nslug: \"..\"")), "no slug"),
        ["markup in every field"] = (() => Utf8(Front(
            "headline: \"<script>alert('import')</script> Imported markup\"\nsection: city\nstandfirst: \"\\\"><img src=x onerror=alert(1) data-hostile>\"\n" +
            "tags: [\"<svg onload=alert(1)>\", \"' OR 1=1 --\"]\nauthors: [\"<hostile-tag data-hostile>\"]\nsource: \"javascript:alert(1)\"\nstatus: published",
            "<script>alert(1)</script>\n\n[x](javascript:alert(1))")), "created:script-alert-import-script-imported-markup"),
        ["control characters in the headline"] = (() => Utf8(Front("headline: \"Bell\\a and escape\\e in a \\u202Eheadline\"\nsection: city\nstatus: published")), "created:bell-and-escape-in-a-headline"),
        ["a headline of 10,000 characters"] = (() => Utf8(Front($"headline: {new string('h', 10_000)}\nsection: city")), "can be at most 200"),
        ["a body of 3 MB"] = (() => Utf8(Front("headline: Huge body\nsection: city", new string('b', 3 * 1024 * 1024))), "too large"),
        ["front matter of 100,000 characters"] = (() => Utf8(Front($"headline: Big fields\nsection: city\nstandfirst: {new string('s', 100_000)}")), "at most 65,536 are read"),
        ["nesting 30,000 deep"] = (() => Utf8(Front($"headline: Deep\nsection: city\ntags: {new string('[', 30_000)}")), "nested more than"),
        ["unclosed bracket"] = (() => Utf8(Front("headline: [unclosed\nsection: city")), "bad front matter"),
        ["tab indentation"] = (() => Utf8(Front("headline: Tabs\n\tsection: city")), "bad front matter"),
        ["duplicate fields"] = (() => Utf8(Front("headline: One\nheadline: Two\nsection: city")), "Duplicate key"),
        ["an alias to nowhere"] = (() => Utf8(Front("headline: *nowhere\nsection: city")), "bad front matter"),
        ["alias expansion"] = (() => Utf8(Front("a0: &a0 [x, x, x, x, x, x, x, x, x]\na1: &a1 [*a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0]\nheadline: Laughs\nsection: city\ntags: *a1")), "unknown field"),
        ["a YAML list instead of fields"] = (() => Utf8(Front("- headline\n- section")), "expected fields"),
        ["an unknown section reached by traversal"] = (() => Utf8(Front("headline: Sneaky section\nsection: ../../staff")), "unknown section"),
        ["a status with markup"] = (() => Utf8(Front("headline: Odd status\nsection: city\nstatus: \"<script>\"")), "unknown status"),
        ["a time before the year 1"] = (() => Utf8(Front("headline: Ancient\nsection: city\npublished: 0001-01-01T00:00:00+14:00")), "is not a time"),
        ["a time past the year 9999"] = (() => Utf8(Front("headline: Far future\nsection: city\npublished: 9999-12-31T23:59:59-12:00")), "is not a time"),
        ["an empty file"] = (() => [], "must start with"),
        ["only the markers"] = (() => Utf8("---\n---\n"), "expected fields"),
        ["random bytes"] = (() => [.. Enumerable.Range(0, 4096).Select(i => (byte)((i * 7919) % 251))], "not a UTF-8 text file"),
        ["a PNG renamed"] = (() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0xFF], "not a UTF-8 text file"),
        ["UTF-16 text"] = (() => Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Front("headline: Wide\nsection: city"))).ToArray(), "not a UTF-8 text file"),
        ["invalid UTF-8 in the headline"] = (() => [.. Utf8("---\nheadline: caf"), 0xE9, .. Utf8("\nsection: city\n---\nBody\n")], "not a UTF-8 text file"),
        ["NUL bytes in the fields"] = (() => Utf8(Front("headline: a\0b\nsection: city")), "NUL bytes"),
    };

    public static TheoryData<string> FileNames() => [.. Files.Keys];

    [Theory]
    [MemberData(nameof(FileNames))]
    public async Task A_hostile_file_is_refused_with_a_reason_or_imported_safely(string name)
    {
        var (content, outcome) = Files[name];
        var folder = Directory.CreateTempSubdirectory("newsportal-hostile-import-");
        try
        {
            await File.WriteAllBytesAsync(Path.Combine(folder.FullName, "hostile.md"), content());
            var before = await portal.WithDbAsync(db => db.Articles.CountAsync());

            var (exit, output) = await ImportAsync(folder.FullName);

            if (!outcome.StartsWith("created:", StringComparison.Ordinal))
            {
                Assert.Equal(1, exit);
                var refusal = output.Split('\n').Single(l => l.StartsWith("Refused hostile.md:", StringComparison.Ordinal));
                Assert.Contains(outcome, refusal);
                Assert.Equal(before, await portal.WithDbAsync(db => db.Articles.CountAsync()));
                return;
            }

            Assert.True(exit == 0, output);
            var slug = outcome["created:".Length..];
            var article = await portal.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Slug == slug));
            Assert.DoesNotContain(article.Headline, c => char.IsControl(c) || c == '\u202E');
            var (response, page) = await Html.GetAsync(portal.Reader(), $"/article/{slug}");
            Html.AssertStatus(response, HttpStatusCode.OK);
            Answers.AssertInert(page);
            Assert.True(Answers.ShowsText(page, article.Headline), "The imported headline is not shown as text");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_file_that_never_ends_is_refused_as_too_large_without_reading_it_all()
    {
        var folder = Directory.CreateTempSubdirectory("newsportal-hostile-import-");
        try
        {
            File.CreateSymbolicLink(Path.Combine(folder.FullName, "zero.md"), "/dev/zero");
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "fine.md"), Front("headline: Next to an endless file\nsection: city\nstatus: published"));

            var (exit, output) = await ImportAsync(folder.FullName);

            Assert.Equal(1, exit);
            Assert.Contains("Refused zero.md: too large", output);
            Assert.True(await portal.WithDbAsync(db => db.Articles.AnyAsync(a => a.Slug == "next-to-an-endless-file")), output);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private async Task<(int ExitCode, string Output)> ImportAsync(string folder)
    {
        using var console = new CommandConsole(width: 400);
        var exit = await NewsroomCommands.ImportAsync(portal.Services, folder, console.Console, CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(2));
        return (exit, console.Output);
    }
}
