using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Media;
using NewsPortal.Core.Media.Library;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.IntegrationTests.Newsroom;

namespace NewsPortal.IntegrationTests.Faults;

/// <summary>The periodic sweep deletes media no article and no library item uses once it is past the grace period, and nothing else.</summary>
public sealed class SweepingUnusedMedia(NewsroomFactory factory) : IClassFixture<NewsroomFactory>
{
    [Fact]
    public async Task Files_of_interrupted_uploads_go_after_the_grace_period_and_covers_in_use_or_in_the_media_library_stay()
    {
        var editor = await Staff.SignedInClientAsync(factory, "Editor");
        var (_, form) = await Html.GetAsync(editor, ArticleForms.NewArticle);
        var section = form.QuerySelector<AngleSharp.Html.Dom.IHtmlSelectElement>("select[name='Input.SectionId']")!.Options.First(o => o.Text.Trim() == "City").Value;
        var values = new Dictionary<string, string>
        {
            ["Input.Headline"] = "Lanterns on the river",
            ["Input.SectionId"] = section,
            ["Input.Body"] = "Hundreds of lanterns floated down the river.",
            ["Input.CoverCaption"] = "The view from the water.",
            ["Input.CoverCredit"] = "Staff photographer",
            ["Command"] = "publish",
        };
        var firstSave = await ArticleForms.SubmitWithFileAsync(editor, form, "#article-form", values, "Cover", RunningOutOfDiskSpace.Picture(), "first.jpg", "image/jpeg");
        Assert.True(firstSave.StatusCode == System.Net.HttpStatusCode.Redirect, (await Html.ParseAsync(firstSave)).Text("main"));
        var id = ArticleForms.IdFromRedirect(firstSave);
        var first = await CoverAsync(id);

        // A second cover replaces the first; an upload killed half-way left files no record knows.
        var (_, edit) = await Html.GetAsync(editor, $"/staff/articles/edit/{id}");
        values["Command"] = "save";
        await ArticleForms.SubmitWithFileAsync(editor, edit, "#article-form", values, "Cover", RunningOutOfDiskSpace.Picture(), "second.jpg", "image/jpeg");
        var second = await CoverAsync(id);
        Assert.NotEqual(first, second);
        var interrupted = Path.Combine(factory.MediaFolder, "0123456789abcdef0123456789abcdef-640.jpg");
        await File.WriteAllBytesAsync(interrupted, [1, 2, 3]);
        await File.WriteAllBytesAsync(interrupted.Replace("-640", "-1280", StringComparison.Ordinal) + ".tmp", []);
        // A process stopped during a video upload, or between writing a video and saving its item, left these.
        string[] orphanVideo = [".fedcba9876543210fedcba9876543210.upload", "fedcba9876543210fedcba9876543210-video.mp4", "fedcba9876543210fedcba9876543210-video.vtt"];
        string[] keptVideo = ["aaaabbbbccccddddaaaabbbbccccdddd-video.webm", "aaaabbbbccccddddaaaabbbbccccdddd-video.vtt"];
        foreach (var name in orphanVideo.Concat(keptVideo))
        {
            await File.WriteAllBytesAsync(Path.Combine(factory.MediaFolder, name), [0, 0, 0, 1]);
        }

        await factory.WithDbAsync(async db =>
        {
            db.MediaItems.Add(new MediaItem
            {
                Kind = MediaKind.Video, AltText = "A kept video", OriginalFileName = "kept.webm", CreatedAt = factory.Clock.GetUtcNow().UtcDateTime.AddDays(-3),
                CreatedBy = "Test", VideoFile = keptVideo[0], VideoType = "video/webm", CaptionsFile = keptVideo[1], CaptionsLanguage = "en",
            });
            await db.SaveChangesAsync();
        });
        var unrelated = Path.Combine(factory.MediaFolder, "README.txt");
        await File.WriteAllTextAsync(unrelated, "Not an upload.");

        // Within the grace period nothing goes (a save may be writing those files right now).
        Assert.Equal(new MediaSweepResult(0, 0), await SweepAsync());

        // A day later the hourly sweep (its timer runs on the portal's clock) has removed them.
        factory.Clock.Advance(TimeSpan.FromHours(25));
        for (var i = 0; i < 100 && File.Exists(interrupted); i++)
        {
            await Task.Delay(100);
        }

        var left = Directory.GetFiles(factory.MediaFolder).Select(Path.GetFileName).ToList();
        // The replaced cover stays: uploaded covers join the media library, and leave it only when deleted there.
        Assert.All(orphanVideo, f => Assert.DoesNotContain(f, left));
        Assert.All(keptVideo, f => Assert.Contains(f, left));
        Assert.All(left.Where(f => f != "README.txt" && !keptVideo.Contains(f)), f => Assert.True(f!.StartsWith(second, StringComparison.Ordinal) || f.StartsWith(first, StringComparison.Ordinal), f));
        Assert.Contains("README.txt", left);
        Assert.Contains(left, f => f!.StartsWith(second, StringComparison.Ordinal));
        Assert.Contains(left, f => f!.StartsWith(first, StringComparison.Ordinal));
        Assert.Equal(0, await factory.WithDbAsync(db => db.MediaImages.CountAsync(m => !db.Articles.Any(a => a.CoverImageId == m.Id) && !db.MediaItems.Any(i => i.ImageId == m.Id))));
        Assert.DoesNotContain(left, f => f!.StartsWith("0123456789abcdef", StringComparison.Ordinal));
        var served = await factory.CreateBrowserClient().GetAsync($"/media/{second}-640.jpg");
        Html.AssertStatus(served, System.Net.HttpStatusCode.OK);
    }

    private Task<string> CoverAsync(int id) =>
        factory.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.CoverImage!.StorageName).SingleAsync());

    private async Task<MediaSweepResult> SweepAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MediaSweep>().RunAsync();
    }
}
