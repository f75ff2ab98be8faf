using System.Net;
using AngleSharp.Dom;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.IntegrationTests.Newsroom;
using NewsPortal.IntegrationTests.Operations;

namespace NewsPortal.IntegrationTests.Faults;

/// <summary>
/// The backup command writes one archive (database, cover images, data-protection keys) from a running site; the
/// restore command puts it onto an empty folder, and a portal started there serves the article with its cover
/// and accepts a staff session begun before the backup.
/// </summary>
[Trait(DatabaseTrait.Name, DatabaseTrait.SqliteOnly)]
public sealed class BackingUpTheWholeSite(NewsroomFactory factory) : IClassFixture<NewsroomFactory>
{
    [Fact]
    public async Task A_backup_restored_onto_an_empty_folder_serves_the_articles_cover_image_and_keeps_staff_signed_in()
    {
        var email = await Staff.CreateAsync(factory, "Editor");
        var editor = factory.CreateBrowserClient();
        var signedIn = await Staff.SignInAsync(editor, email);
        var session = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("np_staff=", StringComparison.Ordinal)).Split(';')[0];
        var (_, form) = await Html.GetAsync(editor, ArticleForms.NewArticle);
        var published = await ArticleForms.SubmitWithFileAsync(editor, form, "#article-form", new Dictionary<string, string>
        {
            ["Input.Headline"] = "Cable car reopens after repairs",
            ["Input.SectionId"] = form.QuerySelector<AngleSharp.Html.Dom.IHtmlSelectElement>("select[name='Input.SectionId']")!.Options.First(o => o.Text.Trim() == "City").Value,
            ["Input.Body"] = "The cable car across the river carries passengers again.",
            ["Input.CoverCaption"] = "The view from the water.",
            ["Input.CoverCredit"] = "Staff photographer",
            ["Command"] = "publish",
        }, "Cover", RunningOutOfDiskSpace.Picture(), "cable-car.jpg", "image/jpeg");
        Html.AssertStatus(published, HttpStatusCode.Redirect);

        var work = Directory.CreateTempSubdirectory("newsportal-restore-").FullName;
        try
        {
            var archive = Path.Combine(work, "backups", "site.tar.gz");
            var live = new Dictionary<string, string>
            {
                ["Database:Provider"] = "Sqlite",
                ["Database:ConnectionString"] = $"Data Source={factory.DatabasePath}",
                ["Media:Folder"] = factory.MediaFolder,
                ["DataProtection:KeysFolder"] = Path.Combine(factory.DataFolder, "keys"),
            };
            var backup = await PortalCommand.RunAsync(work, live, "backup", archive);
            Assert.True(backup.ExitCode == 0, backup.Output);
            Assert.Contains("the database", backup.Output);

            var empty = Path.Combine(work, "restored");
            Directory.CreateDirectory(empty);
            var restore = await PortalCommand.RunAsync(work, PortalCommand.In(empty), "restore", archive);
            Assert.True(restore.ExitCode == 0, restore.Output);
            var again = await PortalCommand.RunAsync(work, PortalCommand.In(empty), "restore", archive);
            Assert.Equal(1, again.ExitCode);
            Assert.Contains("--overwrite", again.Output);

            await using var restored = await PortalProcess.StartAsync(empty, new Dictionary<string, string>(), TimeSpan.FromMinutes(1));
            var reader = restored.Client();
            var (page, article) = await Html.GetAsync(reader, "article/cable-car-reopens-after-repairs");
            Html.AssertStatus(page, HttpStatusCode.OK);
            var cover = article.QuerySelectorAll("img").Select(i => i.GetAttribute("src")!).First(s => s.StartsWith("/media/", StringComparison.Ordinal));
            var image = await reader.GetAsync(cover.TrimStart('/'));
            Html.AssertStatus(image, HttpStatusCode.OK);
            Assert.Equal("image/jpeg", image.Content.Headers.ContentType!.MediaType);
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(factory.MediaFolder, Path.GetFileName(cover))), await image.Content.ReadAsByteArrayAsync());

            // The key ring came back too: the session cookie issued before the backup still opens the newsroom.
            using var staff = new HttpRequestMessage(HttpMethod.Get, "staff");
            staff.Headers.Add("Cookie", session);
            Html.AssertStatus(await reader.SendAsync(staff), HttpStatusCode.OK);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
