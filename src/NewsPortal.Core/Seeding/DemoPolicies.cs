namespace NewsPortal.Core.Seeding;

/// <summary>Starting text for the policy pages; staff replace it with their own through the staff area.</summary>
internal static class DemoPolicies
{
    internal static readonly (string Key, string Title, string Markdown)[] All =
    [
        ("privacy", "Privacy Statement & Cookie Policy", """
            This statement explains what information this site collects when you read it or write to us, what we do with it, and the choices you have.

            ## Cookies

            We use **strictly necessary cookies**, which are set whatever you choose:

            - `np_consent` remembers your cookie choice and the versions of this statement and the Terms of Use you made it against (one year).
            - An antiforgery cookie protects the message form against forgery (until you close the browser).
            - `np_staff` keeps our staff signed in to the newsroom (staff only, eight hours).

            **Optional cookies**, such as ones that help us count which stories are read, are set only if you choose **I Agree** in the cookie banner. Choosing **Reject** does not limit what you can read. You can change your choice at any time on the [Cookie settings](/cookie-settings) page.

            ## Your cookie choice

            When you choose, we record the choice, the versions of this statement and the Terms of Use it was given against, and the time, under the random number kept in your `np_consent` cookie. We do not record your IP address with it. If we make a material change to this statement or the Terms of Use, we ask you again.

            ## Messages you send us

            When you leave a message we store your name, email address, subject and message so that our staff can answer you, and give you a reference number. Messages are deleted after the retention period set by the site (90 days unless the site says otherwise), and are never sold or shared with advertisers. Messages are not written to our server logs.

            ## Your rights

            You may ask to see, correct or delete what we hold about you by writing to the contact email shown at the foot of every page. Quote your message reference number if you have one.
            """),
        ("terms", "Terms of Use", """
            By using this site you agree to these terms.

            ## Content

            Articles are published for personal, non-commercial reading. You may link to any article and quote short extracts with a credit and a link.

            ## Messages

            Please do not send unlawful, abusive or misleading material through the message form. We may decline to answer messages that break these terms.

            ## Changes

            We may revise these terms. Every revision is kept with the date it takes effect, shown at the top of this page as "last revised". A material revision is announced in the cookie banner, and you will be asked for your choice again.
            """),
        ("about", "About Us", """
            NewsPortal is an English-language city news site covering policy, business, culture, travel, science and sport.

            Our newsroom publishes every day. Corrections are noted at the foot of the article they concern, with the date they were made.
            """),
        ("contact", "Contact Us", """
            The quickest way to reach the newsroom is to [leave a message](/message). We read every message.

            For other enquiries, write to the email address shown at the foot of every page.
            """),
    ];
}
