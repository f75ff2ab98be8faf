using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.IntegrationTests.Newsroom;
using NewsPortal.IntegrationTests.Operations;
using NewsPortal.Web.Features.Messages;
using NewsPortal.Web.Features.Staff.Articles;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace NewsPortal.IntegrationTests.Faults;

/// <summary>
/// The media folder (and on SQLite the database) on a small real file system that the test fills to the last byte:
/// an editor publishing with a cover is told that nothing was saved and nothing is left behind, a reader gets
/// their message back, /health reports the disk, and all of it works again once space is freed.
/// It runs alone: another test's start or stop must not touch this one's database connections while the disk is full.
/// </summary>
[CollectionDefinition(nameof(RunningOutOfDiskSpace), DisableParallelization = true)]
public sealed class FullDiskCollection;

[Collection(nameof(RunningOutOfDiskSpace))]
public sealed class RunningOutOfDiskSpace : IAsyncLifetime
{
    private SmallDisk _disk = null!;
    private string? _postgres;

    public async Task InitializeAsync()
    {
        _disk = await SmallDisk.MountAsync(megabytes: 24);
        _postgres = TestDatabases.Provider == "Postgres" ? TestDatabases.CreatePostgres() : null;
    }

    public async Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await _disk.DisposeAsync();
        if (_postgres is not null)
        {
            TestDatabases.DropPostgres(_postgres);
        }
    }

    [Fact]
    public async Task A_publish_with_a_cover_on_a_full_disk_saves_nothing_leaves_no_file_and_says_why()
    {
        var settings = FaultPortals.Settings(_disk.Path, redis: null, _postgres);
        settings["Health:MinFreeMegabytes"] = "2";
        await using var portal = FaultPortals.Start(settings);
        var editor = portal.Client(new CookieContainer());
        var reader = portal.Client(new CookieContainer());
        await FaultPortals.SignInEditorAsync(portal, editor);
        var media = settings["Media:Folder"]!;
        Assert.Equal("Healthy", await FaultPortals.HealthAsync(reader, "Healthy"));
        var (_, messageForm) = await Html.GetAsync(reader, "message");
        var (_, articleForm) = await Html.GetAsync(editor, ArticleForms.NewArticle);
        var articles = await portal.WithDbAsync((db, _) => db.Articles.CountAsync());

        await _disk.FillAsync();

        var refused = await PublishWithCoverAsync(editor, articleForm, "Harbour lights switched on");
        Html.AssertStatus(refused, HttpStatusCode.InsufficientStorage);
        var page = await Html.ParseAsync(refused);
        Assert.Contains(EditModel.OutOfSpace, page.Body!.TextContent);
        Assert.Equal("Harbour lights switched on", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='Input.Headline']")!.Value);
        Assert.Equal(articles, await portal.WithDbAsync((db, _) => db.Articles.CountAsync()));
        Assert.Empty(Directory.Exists(media) ? Directory.GetFiles(media) : []);

        if (_postgres is null)
        {
            // The database is on the full disk too: a message cannot be stored, and the reader keeps what they typed.
            var posted = await Html.SubmitAsync(reader, messageForm, "form.message-form", new Dictionary<string, string>
            {
                ["name"] = "Disk Reader",
                ["email"] = "disk.reader@example.org",
                ["subject"] = "Ferry times",
                ["message"] = "When does the last ferry leave?",
            });
            Html.AssertStatus(posted, HttpStatusCode.ServiceUnavailable);
            Assert.Contains(MessageFormMiddleware.NotStored, (await Html.ParseAsync(posted)).Text(".error-summary"));

            // Without a cover the save reaches the database, which cannot grow: the same answer, nothing saved.
            var plain = await ArticleForms.SubmitAsync(editor, ArticleForms.NewArticle, "publish", new Dictionary<string, string>
            {
                ["Input.Headline"] = "Night market opens",
                ["Input.SectionId"] = articleForm.QuerySelector<AngleSharp.Html.Dom.IHtmlSelectElement>("select[name='Input.SectionId']")!.Options.First(o => o.Text.Trim() == "City").Value,
                ["Input.Body"] = string.Concat(Enumerable.Repeat("Stalls line the old street from dusk. ", 400)),
            });
            Html.AssertStatus(plain, HttpStatusCode.InsufficientStorage);
            Assert.Contains(EditModel.OutOfSpace, (await Html.ParseAsync(plain)).Body!.TextContent);
            Assert.Equal(articles, await portal.WithDbAsync((db, _) => db.Articles.CountAsync()));
        }

        Assert.Equal("Degraded: disk", await FaultPortals.HealthAsync(reader, "Degraded: disk"));

        _disk.Free();
        Assert.Equal("Healthy", await FaultPortals.HealthAsync(reader, "Healthy"));
        var (_, again) = await Html.GetAsync(editor, ArticleForms.NewArticle);
        Html.AssertStatus(await PublishWithCoverAsync(editor, again, "Harbour lights switched on"), HttpStatusCode.Redirect);
        Assert.Equal(articles + 1, await portal.WithDbAsync((db, _) => db.Articles.CountAsync()));
        Assert.NotEmpty(Directory.GetFiles(media));
        Assert.NotNull(await PortalProcess.LeaveMessageAsync(reader, "Sent once there is space", CancellationToken.None));
    }

    private static async Task<HttpResponseMessage> PublishWithCoverAsync(HttpClient editor, AngleSharp.Dom.IDocument form, string headline)
    {
        var section = form.QuerySelector<AngleSharp.Html.Dom.IHtmlSelectElement>("select[name='Input.SectionId']")!.Options.First(o => o.Text.Trim() == "City").Value;
        return await ArticleForms.SubmitWithFileAsync(editor, form, "#article-form", new Dictionary<string, string>
        {
            ["Input.Headline"] = headline,
            ["Input.SectionId"] = section,
            ["Input.Body"] = "The new lights along the harbour wall were switched on last night.",
            ["Input.CoverCaption"] = "The view from the water.",
            ["Input.CoverCredit"] = "Staff photographer",
            ["Command"] = "publish",
        }, "Cover", Picture(), "harbour.jpg", "image/jpeg");
    }

    /// <summary>A photo-like picture big enough to be stored in all three widths.</summary>
    public static byte[] Picture()
    {
        using var image = new Image<Rgb24>(1400, 900);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    row[x] = new Rgb24((byte)(x * 255 / 1400), (byte)(y * 255 / 900), (byte)((x ^ y) & 0xFF));
                }
            }
        });
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream);
        return stream.ToArray();
    }
}
