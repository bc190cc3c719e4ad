//! 한국어.

use super::keys::T;

pub(super) fn text(key: T) -> &'static str {
    match key {
        T::Title => "서울에서 만들어, 출국 전에 받으세요",
        T::Intro => {
            "서울의 작은 공방에 미리 주문하세요. 여행하는 동안 만들어 두고, 돌아가는 길에 픽업 카운터에서 받으실 수 있습니다."
        }
        T::Language => "언어",
        T::Loading => "불러오는 중…",
        T::StepProduct => "상품 선택",
        T::StepSizing => "사이즈",
        T::StepOptions => "나만의 옵션",
        T::StepTrip => "여행 일정",
        T::StepTraveller => "받으실 분",
        T::StepPay => "결제와 주문",
        T::StepDone => "주문 내역",
        T::PriceFrom => "{price}부터",
        T::ByWorkshop => "{workshop} 제작",
        T::Chosen => "선택한 상품: {product}",
        T::ChangeProduct => "다른 상품 고르기",
        T::ChooseFirst => "먼저 상품을 선택해 주세요.",
        T::ProductMissing => "전에 고른 상품은 더 이상 판매하지 않습니다. 다시 골라 주세요.",
        T::CatGarment => "맞춤 의류",
        T::CatShoes => "수제화",
        T::CatBag => "가죽 소품",
        T::CatPrinted => "인쇄물",
        T::SizingIntro => {
            "몇 군데 치수를 알려 주시면 근거가 되는 수치와 함께 사이즈를 추천해 드립니다."
        }
        T::NoSizing => "이 상품은 신체 치수가 필요 없습니다.",
        T::SizingHow => "어떤 방법으로 사이즈를 정할까요?",
        T::ModeBody => "내 신체 치수",
        T::ModeGarment => "잘 맞는 내 옷의 치수",
        T::ModeSkip => "건너뛰기: 치수 없이 주문",
        T::ModeShoes => "내 발 치수",
        T::SkipNote => {
            "치수가 없으면 공방의 표준 패턴으로 재단하며, 픽업 때 가봉이 필요할 수 있습니다."
        }
        T::Unit => "단위",
        T::UnitCm => "센티미터",
        T::UnitIn => "인치",
        T::Source => "어떻게 재셨나요?",
        T::SourceTape => "줄자로 몸을 직접 잼",
        T::SourceGarment => "잘 맞는 옷에서 잼",
        T::SourceEstimate => "어림값",
        T::GarmentHint => {
            "옷을 평평하게 놓고, 가슴·허리·엉덩이는 앞판을 가로질러 재세요(두 배로 계산합니다). 나머지는 그대로 재면 됩니다."
        }
        T::MeasureDrawing => "재는 위치",
        T::Optional => "선택",
        T::LaidFlat => "펼쳐서 가로 길이",
        T::PChest => "가슴둘레",
        T::PWaist => "허리둘레",
        T::PHip => "엉덩이둘레",
        T::PNeck => "목둘레",
        T::PShoulder => "어깨너비",
        T::PSleeve => "소매 길이",
        T::PInseam => "안쪽 다리 길이",
        T::PHeight => "키",
        T::PFootLength => "발 길이",
        T::PFootGirth => "발볼 둘레",
        T::HChest => "겨드랑이 아래, 가슴의 가장 두꺼운 부분을 줄자를 수평으로 하여 잽니다.",
        T::HWaist => "배꼽 위 자연스러운 허리선을 숨을 내쉰 상태에서 잽니다.",
        T::HHip => "발을 모으고 엉덩이의 가장 두꺼운 부분을 잽니다.",
        T::HNeck => "목 밑둘레를 손가락 하나가 들어갈 여유를 두고 잽니다.",
        T::HShoulder => "등 쪽에서 한쪽 어깨 끝점부터 다른 쪽 어깨 끝점까지 잽니다.",
        T::HSleeve => "팔을 편하게 내리고 어깨 끝점부터 손목뼈까지 잽니다.",
        T::HInseam => "신발을 벗고 가랑이부터 바닥까지 잽니다.",
        T::HHeight => "신발을 벗고 똑바로 서서 잽니다.",
        T::HFootLength => "서서 뒤꿈치부터 가장 긴 발가락까지 잽니다. 더 긴 쪽 발을 적어 주세요.",
        T::HFootGirth => "발가락 관절 위, 발에서 가장 넓은 부분의 둘레를 잽니다.",
        T::Suggestion => "추천 사이즈",
        T::SizeIs => "사이즈 {size}",
        T::BaseSizeIs => "기본 패턴 {size}, 치수에 맞춰 재단",
        T::AlsoPossible => "이 사이즈도 가능: {size}",
        T::Confidence => "신뢰도: {percent}% ({level})",
        T::ConfHigh => "높음",
        T::ConfMedium => "보통",
        T::ConfLow => "낮음",
        T::AreasCaption => "부위별 착용감 ({unit})",
        T::ColArea => "부위",
        T::ColYou => "내 치수",
        T::ColYourGarment => "내 옷",
        T::ColGarment => "완성 치수",
        T::ColEase => "여유분",
        T::LTight => "작음",
        T::LSnug => "딱 맞음",
        T::LGood => "디자인대로",
        T::LLoose => "여유 있음",
        T::LTooLoose => "너무 큼",
        T::Alterations => "패턴 수정",
        T::AdvMeasureNext => "{point}도 재시면 추천이 더 정확해집니다.",
        T::AdvRemeasure => "{point}는 어림값입니다. 줄자로 재시면 추천이 더 정확해집니다.",
        T::AdvBetween => {
            "사이즈 {smaller}와 {larger} 사이입니다. {smaller}는 더 딱 맞고, {larger}는 더 여유 있습니다."
        }
        T::AdvNoSizeFits => "가장 큰 사이즈도 {point}가 작습니다.",
        T::AdvCustom => {
            "{point}에 {needed}의 수정이 필요해 한 사이즈 이상 차이가 납니다. 공방에서 맞춤 패턴을 새로 그립니다."
        }
        T::EnterOne => "사이즈를 보려면 치수를 하나 이상 입력해 주세요.",
        T::ErrNumber => "{point}: “{given}”은(는) 숫자가 아닙니다.",
        T::ErrRange => {
            "{point}: {given}은(는) 가능한 범위 {min}~{max}를 벗어났습니다. 다시 재 주세요."
        }
        T::ErrFlatRange => {
            "{point}(펼쳐서): {given}은(는) 가능한 범위 {min}~{max}를 벗어났습니다. 다시 재 주세요."
        }
        T::ShoeSizeIs => "{size}mm, 발볼 {width}",
        T::WNarrow => "좁음",
        T::WStandard => "보통",
        T::WWide => "넓음",
        T::ShoeFills => {
            "발이 이 사이즈에 꽉 찹니다. 두꺼운 양말을 신거나 발이 붓는다면 {size}mm를 고르세요."
        }
        T::ShoeNarrow => "발볼이 표준보다 좁습니다. 구두 장인이 발볼에 맞춰 라스트를 조정합니다.",
        T::Conversions => {
            "대략 EU {eu} · UK {uk} · US 남성 {us_men} · US 여성 {us_women} · JP {jp}cm"
        }
        T::AppliedSize => "아래 사이즈는 치수에 따라 정해졌습니다. 직접 바꾸셔도 됩니다.",
        T::Included => "포함",
        T::MonogramHelp => "최대 {max}자: {allowed}",
        T::MonogramPrice => "선택 사항, {price} 추가.",
        T::ErrChars => "다음 글자는 새길 수 없습니다: {chars}.",
        T::ErrTooLong => "최대 {max}자까지입니다. 지금 {given}자입니다.",
        T::ErrRequired => "이 항목을 입력해 주세요.",
        T::UnitPriceIs => "가격: {price}",
        T::Preview => "미리보기",
        T::PreviewAlt => "선택한 옵션을 적용한 {product} 미리보기",
        T::PreviewDrawing => "미리보기를 그리는 중…",
        T::PreviewFailed => {
            "미리보기를 그리지 못했습니다({detail}). 선택한 내용은 그대로 있습니다."
        }
        T::Artwork => "내 이미지 (선택)",
        T::ArtworkHint => {
            "사진이나 그림을 올리면 인쇄 크기에서의 선명도를 확인합니다. 이미지는 미리보기용으로 이 기기에만 남습니다."
        }
        T::ArtworkReading => "이미지를 읽는 중…",
        T::ArtworkTooBig => "이 파일은 {size}MB입니다. {max}MB보다 작은 파일을 골라 주세요.",
        T::ArtworkTooManyPixels => {
            "이 이미지는 {width} × {height} 픽셀입니다. {max}메가픽셀보다 작은 이미지를 골라 주세요."
        }
        T::ArtworkUnreadable => "이 파일은 이미지로 읽을 수 없습니다.",
        T::ArtworkGood => "{width} × {height}px은 {print} 크기에서 {dpi}dpi로 선명합니다.",
        T::ArtworkWarn => {
            "{width} × {height}px은 {print} 크기에서 {dpi}dpi입니다. 인쇄는 되지만 조금 흐릿할 수 있습니다."
        }
        T::ArtworkTooLow => {
            "{width} × {height}px은 {print} 크기에서 {dpi}dpi밖에 되지 않아 인쇄하기에 너무 흐립니다(최소 150dpi). 더 큰 이미지를 골라 주세요."
        }
        T::ArtworkCrop => "인쇄 영역과 비율이 달라 가장자리가 잘립니다.",
        T::ArtworkRemove => "이미지 삭제",
        T::TripIntro => "시간은 서울 시간(KST, UTC+9) 기준입니다.",
        T::Arrival => "한국 도착",
        T::Departure => "출국 (귀국 항공편)",
        T::Counter => "픽업 카운터",
        T::CounterHours => "영업 {opens}–{closes}",
        T::Checking => "공방 일정을 확인하는 중…",
        T::ErrDateMissing => "날짜와 시간을 입력해 주세요.",
        T::ErrDepartureOrder => "출국은 도착 이후여야 합니다.",
        T::Feasible => "가능합니다: 시간 안에 준비됩니다.",
        T::Infeasible => "불가능합니다: 이 일정으로는 시간 안에 준비되지 않습니다.",
        T::ReadyBy => "{time}까지 준비",
        T::CollectBy => "{counter}에서 {time}까지 수령",
        T::ReasonNotReady => "{ready}에 준비되어 마지막 수령 시각 {deadline}보다 늦습니다.",
        T::ReasonNoCapacity => "출국 전까지 공방에 남은 작업 시간이 없습니다.",
        T::ReasonPayment => {
            "이 상품은 카드 선결제가 필요한데, 여기서는 카드 결제를 쓸 수 없습니다."
        }
        T::ReasonNoPickup => "출국 전 카운터의 마지막 수령 시각이 도착보다 이릅니다.",
        T::WhatWorks => "이렇게 하면 가능합니다:",
        T::AltLater => "{time} 이후에 출국",
        T::AltCounter => "{counter}에서 수령 ({time}까지)",
        T::AltSimpler => "기본 옵션: {time}까지 준비",
        T::Name => "여권상의 영문 이름",
        T::Email => "이메일",
        T::EmailHint => "주문 확인과 수령 안내를 보내 드립니다.",
        T::Passport => "여권 번호 마지막 4자리",
        T::PassportHint => "수령할 때 직원이 여권과 대조합니다.",
        T::ErrName => "여권에 적힌 이름을 입력해 주세요.",
        T::ErrEmail => "name@example.com 같은 이메일 주소를 입력해 주세요.",
        T::ErrPassport => "영문자나 숫자 4자리를 정확히 입력해 주세요.",
        T::PayLegend => "결제",
        T::PayCard => "지금 카드로: {amount}",
        T::PayCounter => "수령할 때 카운터에서",
        T::Total => "합계 {amount}",
        T::DueNow => "지금 결제: {amount}",
        T::BalanceLater => "나머지 {amount}은(는) 주문품이 준비되면 같은 카드로 결제됩니다.",
        T::PayAtPickup => "카운터에서 {amount}을(를) 결제합니다.",
        T::PlaceOrder => "주문하기",
        T::Placing => "주문하는 중…",
        T::FixFirst => "표시된 항목을 확인해 주세요.",
        T::NeedTrip => "먼저 가능한 여행 일정을 입력해 주세요.",
        T::CardLoading => "안전한 카드 입력 화면을 불러오는 중…",
        T::CardUnavailable => "카드 입력 화면을 불러오지 못했습니다.",
        T::CardTryCounter => "대신 카운터 결제를 선택하실 수 있습니다.",
        T::CardTryLater => "잠시 후 다시 시도해 주세요.",
        T::CardTitle => "카드 정보",
        T::PayNow => "{amount} 결제",
        T::Paying => "결제하는 중…",
        T::PayFailed => "결제가 완료되지 않았습니다: {message}",
        T::Unreachable => {
            "지금은 공방 서버에 연결할 수 없습니다. 입력하신 내용은 모두 이 기기에 저장되어 있습니다."
        }
        T::Retry => "다시 시도",
        T::ServerSays => "서버 메시지: {detail}",
        T::Thanks => "감사합니다! 주문이 접수되었습니다.",
        T::OrderNumber => "주문 번호",
        T::PickupCode => "수령 코드",
        T::PickupHint => "{counter}에서 이 코드와 여권을 보여 주세요.",
        T::QrLabel => "수령 코드 {code}의 QR 코드",
        T::Status => "상태",
        T::RefreshStatus => "상태 새로고침",
        T::StatusUpdated => "상태: {status}.",
        T::SPlaced => "접수됨, 결제 대기 중",
        T::SConfirmed => "확정됨",
        T::SInProduction => "제작 중",
        T::SReady => "완성",
        T::SAtCounter => "카운터에서 대기 중",
        T::SPickedUp => "수령 완료",
        T::SCancelled => "취소됨",
        T::SDeclined => "공방에서 거절함",
        T::SNoShow => "미수령",
        T::SRefunded => "환불됨",
        T::OrderPreview => "공방에서 만들 내 상품",
        T::KeptOnDevice => "이 주문은 이 기기에 기억됩니다. 페이지를 닫으셔도 됩니다.",
        T::NewOrder => "새 주문 시작",
    }
}
