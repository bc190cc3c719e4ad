//! English.

use super::keys::T;

pub(super) fn text(key: T) -> &'static str {
    match key {
        T::Title => "Made in Seoul, ready before you fly",
        T::Intro => {
            "Order from small Seoul workshops. They make it during your trip; you collect it at a counter on your way home."
        }
        T::Language => "Language",
        T::Loading => "Loading…",
        T::StepProduct => "Choose a product",
        T::StepSizing => "Your size",
        T::StepOptions => "Make it yours",
        T::StepTrip => "Your trip",
        T::StepTraveller => "Who collects",
        T::StepPay => "Pay and order",
        T::StepDone => "Your order",
        T::PriceFrom => "from {price}",
        T::ByWorkshop => "by {workshop}",
        T::Chosen => "Chosen: {product}",
        T::ChangeProduct => "Choose another product",
        T::ChooseFirst => "Choose a product first.",
        T::ProductMissing => {
            "The product you chose before is no longer offered; please choose again."
        }
        T::CatGarment => "Tailoring",
        T::CatShoes => "Shoes",
        T::CatBag => "Leather goods",
        T::CatPrinted => "Printed goods",
        T::SizingIntro => {
            "Give a few measurements and we suggest the size, with the numbers behind it."
        }
        T::NoSizing => "This product is not sized to a body: nothing to measure.",
        T::SizingHow => "How do you want to size it?",
        T::ModeBody => "My body measurements",
        T::ModeGarment => "A garment I own that fits well",
        T::ModeSkip => "Skip: no measurements",
        T::ModeShoes => "My feet",
        T::SkipNote => {
            "Without measurements the workshop cuts its standard pattern; a fitting at pickup may be needed."
        }
        T::Unit => "Unit",
        T::UnitCm => "Centimetres",
        T::UnitIn => "Inches",
        T::Source => "How were they measured?",
        T::SourceTape => "With a tape measure on the body",
        T::SourceGarment => "Taken from a garment that fits",
        T::SourceEstimate => "Estimated",
        T::GarmentHint => {
            "Lay the garment flat. Measure chest, waist and hip straight across the front (we double them); other points as they are."
        }
        T::MeasureDrawing => "Where to measure",
        T::Optional => "optional",
        T::LaidFlat => "across, laid flat",
        T::PChest => "Chest",
        T::PWaist => "Waist",
        T::PHip => "Hip",
        T::PNeck => "Neck",
        T::PShoulder => "Shoulder width",
        T::PSleeve => "Sleeve",
        T::PInseam => "Inside leg",
        T::PHeight => "Height",
        T::PFootLength => "Foot length",
        T::PFootGirth => "Foot girth",
        T::HChest => "Around the fullest part of the chest, under the arms, tape level.",
        T::HWaist => "Around the natural waist, above the navel, breathing out.",
        T::HHip => "Around the fullest part of the seat, feet together.",
        T::HNeck => "Around the base of the neck, one finger under the tape.",
        T::HShoulder => "Across the back, from shoulder point to shoulder point.",
        T::HSleeve => "From the shoulder point to the wrist bone, arm relaxed.",
        T::HInseam => "From the crotch to the floor, without shoes.",
        T::HHeight => "Standing straight, without shoes.",
        T::HFootLength => "Standing, heel to the longest toe; give the longer foot.",
        T::HFootGirth => "Around the widest part of the foot, over the toe joints.",
        T::Suggestion => "Our suggestion",
        T::SizeIs => "Size {size}",
        T::BaseSizeIs => "Base pattern {size}, cut to your measurements",
        T::AlsoPossible => "Also possible: {size}",
        T::Confidence => "Confidence: {percent} % ({level})",
        T::ConfHigh => "high",
        T::ConfMedium => "medium",
        T::ConfLow => "low",
        T::AreasCaption => "How it sits, per area ({unit})",
        T::ColArea => "Area",
        T::ColYou => "You",
        T::ColYourGarment => "Your garment",
        T::ColGarment => "Garment",
        T::ColEase => "Ease",
        T::LTight => "Tight",
        T::LSnug => "Snug",
        T::LGood => "As designed",
        T::LLoose => "Roomy",
        T::LTooLoose => "Too loose",
        T::Alterations => "Alterations to the pattern",
        T::AdvMeasureNext => "Measure your {point} to make this surer.",
        T::AdvRemeasure => {
            "Your {point} is an estimate; measure it with a tape to make this surer."
        }
        T::AdvBetween => {
            "You are between sizes {smaller} and {larger}: {smaller} sits closer, {larger} gives more room."
        }
        T::AdvNoSizeFits => "Even the largest size is tight at the {point}.",
        T::AdvCustom => {
            "Your {point} needs {needed} of alteration, more than one size step: the workshop drafts a custom pattern."
        }
        T::EnterOne => "Enter at least one measurement to see a size.",
        T::ErrNumber => "{point}: “{given}” is not a number.",
        T::ErrRange => {
            "{point}: {given} is outside the plausible range {min} to {max}. Please measure again."
        }
        T::ErrFlatRange => {
            "{point} (laid flat): {given} is outside the plausible range {min} to {max}. Please measure again."
        }
        T::ShoeSizeIs => "Size {size} mm, {width} fitting",
        T::WNarrow => "narrow",
        T::WStandard => "standard",
        T::WWide => "wide",
        T::ShoeFills => {
            "Your foot fills this size; choose {size} mm for thick socks or a swollen foot."
        }
        T::ShoeNarrow => {
            "Your foot is narrower than the standard fitting; the shoemaker fits the last to your girth."
        }
        T::Conversions => {
            "About EU {eu} · UK {uk} · US men {us_men} · US women {us_women} · JP {jp} cm"
        }
        T::AppliedSize => "The size below is set from your measurements; you can still change it.",
        T::Included => "included",
        T::MonogramHelp => "Up to {max} characters: {allowed}",
        T::MonogramPrice => "Optional, {price} extra.",
        T::ErrChars => "These characters cannot be made: {chars}.",
        T::ErrTooLong => "At most {max} characters; you typed {given}.",
        T::ErrRequired => "Please fill this in.",
        T::UnitPriceIs => "Price: {price}",
        T::Preview => "Preview",
        T::PreviewAlt => "Preview of the {product} with the chosen options",
        T::PreviewDrawing => "Drawing the preview…",
        T::PreviewFailed => "The preview could not be drawn ({detail}); your choices are kept.",
        T::Artwork => "Your artwork (optional)",
        T::ArtworkHint => {
            "A photo or drawing, checked for sharpness at the print size. It stays on this device, for the preview."
        }
        T::ArtworkReading => "Reading the image…",
        T::ArtworkTooBig => "This file is {size} MB; please choose one under {max} MB.",
        T::ArtworkTooManyPixels => {
            "This image is {width} × {height} pixels; please choose one under {max} megapixels."
        }
        T::ArtworkUnreadable => "This file cannot be read as an image.",
        T::ArtworkGood => "{width} × {height} px gives {dpi} dpi at {print}: sharp.",
        T::ArtworkWarn => {
            "{width} × {height} px gives {dpi} dpi at {print}: printable, but it may look soft."
        }
        T::ArtworkTooLow => {
            "{width} × {height} px gives only {dpi} dpi at {print}: too blurry to print (at least 150 dpi). Please choose a larger image."
        }
        T::ArtworkCrop => "Its proportions differ from the print, so the edges will be cropped.",
        T::ArtworkRemove => "Remove the artwork",
        T::TripIntro => "Times are Seoul time (KST, UTC+9).",
        T::Arrival => "Arrival in Korea",
        T::Departure => "Departure (your flight home)",
        T::Counter => "Pickup counter",
        T::CounterHours => "Open {opens}–{closes}",
        T::Checking => "Checking the workshop's calendar…",
        T::ErrDateMissing => "Please enter a date and time.",
        T::ErrDepartureOrder => "The departure must be after the arrival.",
        T::Feasible => "Yes: it can be ready in time.",
        T::Infeasible => "No: it cannot be ready in time for this trip.",
        T::ReadyBy => "Ready by {time}",
        T::CollectBy => "Collect at {counter} by {time}",
        T::ReasonNotReady => "It would be ready {ready}, after the last pickup {deadline}.",
        T::ReasonNoCapacity => "The workshop has no free time left before your departure.",
        T::ReasonPayment => {
            "This product must be paid in advance by card, and card payment is not available here."
        }
        T::ReasonNoPickup => "The counter's last pickup before your flight is before you arrive.",
        T::WhatWorks => "What would work:",
        T::AltLater => "Fly home at or after {time}",
        T::AltCounter => "Collect at {counter} (by {time})",
        T::AltSimpler => "Standard options: ready by {time}",
        T::Name => "Full name as on your passport",
        T::Email => "Email",
        T::EmailHint => "For the order confirmation and pickup reminders.",
        T::Passport => "Last 4 characters of your passport number",
        T::PassportHint => "Staff check them against your passport at pickup.",
        T::ErrName => "Please give your name as on your passport.",
        T::ErrEmail => "Please give an email address such as name@example.com.",
        T::ErrPassport => "Please give exactly 4 letters or digits.",
        T::PayLegend => "Payment",
        T::PayCard => "Card, now: {amount}",
        T::PayCounter => "At the counter, when you collect",
        T::Total => "Total {amount}",
        T::DueNow => "Due now: {amount}",
        T::BalanceLater => {
            "The rest, {amount}, is charged to the same card when your order is ready."
        }
        T::PayAtPickup => "You pay {amount} at the counter.",
        T::PlaceOrder => "Place the order",
        T::Placing => "Placing your order…",
        T::FixFirst => "Please check the marked fields.",
        T::NeedTrip => "Enter a trip that works first.",
        T::CardLoading => "Loading the secure card form…",
        T::CardUnavailable => "The card form could not be loaded.",
        T::CardTryCounter => "You can choose to pay at the counter instead.",
        T::CardTryLater => "Please try again in a moment.",
        T::CardTitle => "Card details",
        T::PayNow => "Pay {amount}",
        T::Paying => "Paying…",
        T::PayFailed => "The payment did not go through: {message}",
        T::Unreachable => {
            "Gongbang cannot be reached right now. Everything you entered is kept on this device."
        }
        T::Retry => "Try again",
        T::ServerSays => "The server says: {detail}",
        T::Thanks => "Thank you! Your order is placed.",
        T::OrderNumber => "Order number",
        T::PickupCode => "Pickup code",
        T::PickupHint => "Show this code and your passport at {counter}.",
        T::QrLabel => "QR code of pickup code {code}",
        T::Status => "Status",
        T::RefreshStatus => "Refresh status",
        T::StatusUpdated => "Status: {status}.",
        T::SPlaced => "Placed, waiting for payment",
        T::SConfirmed => "Confirmed",
        T::SInProduction => "Being made",
        T::SReady => "Ready",
        T::SAtCounter => "Waiting at the counter",
        T::SPickedUp => "Collected",
        T::SCancelled => "Cancelled",
        T::SDeclined => "Declined by the workshop",
        T::SNoShow => "Not collected",
        T::SRefunded => "Refunded",
        T::OrderPreview => "Your item, as the workshop will make it",
        T::KeptOnDevice => "This order is remembered on this device; you can close the page.",
        T::NewOrder => "Start a new order",
    }
}
