//! The keys of the widget's texts ([`T`]), which every language table words, and which
//! key names a point of measure, an area's label, an order status or a category.

use fitting::{AreaLabel, Point};

macro_rules! keys {
    ($($key:ident),* $(,)?) => {
        /// A text of the widget, worded per language in the tables.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum T { $($key),* }

        impl T {
            /// Every key.
            pub const ALL: &'static [T] = &[$(T::$key),*];
        }
    };
}

keys! {
    Title, Intro, Language, Loading,
    StepProduct, StepSizing, StepOptions, StepTrip, StepTraveller, StepPay, StepDone,
    PriceFrom, ByWorkshop, Chosen, ChangeProduct, ChooseFirst, ProductMissing,
    CatGarment, CatShoes, CatBag, CatPrinted,
    SizingIntro, NoSizing, SizingHow, ModeBody, ModeGarment, ModeSkip, ModeShoes, SkipNote,
    Unit, UnitCm, UnitIn, Source, SourceTape, SourceGarment, SourceEstimate,
    GarmentHint, MeasureDrawing, Optional, LaidFlat,
    PChest, PWaist, PHip, PNeck, PShoulder, PSleeve, PInseam, PHeight, PFootLength, PFootGirth,
    HChest, HWaist, HHip, HNeck, HShoulder, HSleeve, HInseam, HHeight, HFootLength, HFootGirth,
    Suggestion, SizeIs, BaseSizeIs, AlsoPossible, Confidence, ConfHigh, ConfMedium, ConfLow,
    AreasCaption, ColArea, ColYou, ColYourGarment, ColGarment, ColEase,
    LTight, LSnug, LGood, LLoose, LTooLoose,
    Alterations, AdvMeasureNext, AdvRemeasure, AdvBetween, AdvNoSizeFits, AdvCustom,
    EnterOne, ErrNumber, ErrRange, ErrFlatRange,
    ShoeSizeIs, WNarrow, WStandard, WWide, ShoeFills, ShoeNarrow, Conversions, AppliedSize,
    Included, MonogramHelp, MonogramPrice, ErrChars, ErrTooLong, ErrRequired, UnitPriceIs,
    Preview, PreviewAlt, PreviewDrawing, PreviewFailed,
    Artwork, ArtworkHint, ArtworkReading, ArtworkTooBig, ArtworkTooManyPixels,
    ArtworkUnreadable, ArtworkGood, ArtworkWarn, ArtworkTooLow, ArtworkCrop, ArtworkRemove,
    TripIntro, Arrival, Departure, Counter, CounterHours, Checking,
    ErrDateMissing, ErrDepartureOrder, Feasible, Infeasible, ReadyBy, CollectBy,
    ReasonNotReady, ReasonNoCapacity, ReasonPayment, ReasonNoPickup,
    WhatWorks, AltLater, AltCounter, AltSimpler,
    Name, Email, EmailHint, Passport, PassportHint, ErrName, ErrEmail, ErrPassport,
    PayLegend, PayCard, PayCounter, Total, DueNow, BalanceLater, PayAtPickup,
    PlaceOrder, Placing, FixFirst, NeedTrip,
    CardLoading, CardUnavailable, CardTryCounter, CardTryLater, CardTitle, PayNow, Paying,
    PayFailed,
    Unreachable, Retry, ServerSays,
    Thanks, OrderNumber, PickupCode, PickupHint, QrLabel, Status, RefreshStatus, StatusUpdated,
    SPlaced, SConfirmed, SInProduction, SReady, SAtCounter, SPickedUp, SCancelled, SDeclined,
    SNoShow, SRefunded,
    OrderPreview, KeptOnDevice, NewOrder,
}

/// The name of a point of measure.
pub const fn point_name(point: Point) -> T {
    match point {
        Point::Chest => T::PChest,
        Point::Waist => T::PWaist,
        Point::Hip => T::PHip,
        Point::Neck => T::PNeck,
        Point::Shoulder => T::PShoulder,
        Point::Sleeve => T::PSleeve,
        Point::Inseam => T::PInseam,
        Point::Height => T::PHeight,
        Point::FootLength => T::PFootLength,
        Point::FootGirth => T::PFootGirth,
    }
}

/// Where and how to measure a point.
pub const fn point_hint(point: Point) -> T {
    match point {
        Point::Chest => T::HChest,
        Point::Waist => T::HWaist,
        Point::Hip => T::HHip,
        Point::Neck => T::HNeck,
        Point::Shoulder => T::HShoulder,
        Point::Sleeve => T::HSleeve,
        Point::Inseam => T::HInseam,
        Point::Height => T::HHeight,
        Point::FootLength => T::HFootLength,
        Point::FootGirth => T::HFootGirth,
    }
}

/// The word for an area's label (shown with an icon, never by colour alone).
pub const fn label_name(label: AreaLabel) -> T {
    match label {
        AreaLabel::Tight => T::LTight,
        AreaLabel::Snug => T::LSnug,
        AreaLabel::Good => T::LGood,
        AreaLabel::Loose => T::LLoose,
        AreaLabel::TooLoose => T::LTooLoose,
    }
}

/// The words for an order status code of the API.
pub fn status_name(code: &str) -> Option<T> {
    Some(match code {
        "placed" => T::SPlaced,
        "confirmed" => T::SConfirmed,
        "in_production" => T::SInProduction,
        "ready" => T::SReady,
        "at_counter" => T::SAtCounter,
        "picked_up" => T::SPickedUp,
        "cancelled" => T::SCancelled,
        "declined" => T::SDeclined,
        "no_show" => T::SNoShow,
        "refunded" => T::SRefunded,
        _ => return None,
    })
}

/// The name of a catalogue category code.
pub fn category_name(code: &str) -> Option<T> {
    Some(match code {
        "garment" => T::CatGarment,
        "shoes" => T::CatShoes,
        "bag" => T::CatBag,
        "printed" => T::CatPrinted,
        _ => return None,
    })
}
